package io.flightdeck.search.domain;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.search.SearchCriteria;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Members' saved searches: their own and those shared with the workspace. Another member's private search is not
 * found, as another workspace's is; a shared one is changed only by its owner and removed by its owner or an admin.
 * Any member may keep private searches (a viewer too: they change nothing anyone else sees, as their own API keys do);
 * sharing one needs a contributor. Switching the alert on, or changing a watched search, records what it finds now,
 * so the first alert tells only of what appears afterwards.
 */
@Service
public class SavedSearches {

    private final SavedSearchRepository searches;
    private final SavedSearchAlerts alerts;
    private final MemberDirectory members;
    private final JsonMapper json;
    private final Clock clock;

    SavedSearches(SavedSearchRepository searches, SavedSearchAlerts alerts, MemberDirectory members, JsonMapper json,
            Clock clock) {
        this.searches = searches;
        this.alerts = alerts;
        this.members = members;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<SavedSearchView> list(Pageable pageable) {
        Actor actor = CurrentActor.require();
        Page<SavedSearch> page = searches.visibleTo(actor.userId(), pageable);
        Map<UUID, String> names = members.displayNames(page.stream().map(SavedSearch::getOwnerId).toList());
        return page.map(search -> view(search, names, actor));
    }

    @Transactional(readOnly = true)
    public SavedSearchView get(UUID id) {
        return view(visible(id));
    }

    @Transactional
    public SavedSearchView save(SavedSearchFields fields) {
        Actor actor = CurrentActor.require();
        SavedSearchVisibility visibility = allowed(fields.visibility() == null ? SavedSearchVisibility.PRIVATE
                : fields.visibility(), actor);
        if (fields.query() == null) {
            throw new InvalidInputException("query", "is required");
        }
        SavedSearch search = new SavedSearch(actor.userId(), name(fields.name()), visibility, queryJson(fields.query()),
                clock.instant());
        if (Boolean.TRUE.equals(fields.alert())) {
            search.alert(true, clock.instant());
        }
        searches.save(search);
        baselineIfWatched(search, actor.role());
        return view(search);
    }

    /** Only its owner changes a saved search; what {@code fields} leaves out stays. */
    @Transactional
    public SavedSearchView change(UUID id, SavedSearchFields fields, Long expectedVersion) {
        Actor actor = CurrentActor.require();
        SavedSearch search = visible(id);
        if (!search.getOwnerId().equals(actor.userId())) {
            throw new AccessDeniedException("Only its owner changes a saved search");
        }
        SavedSearchVisibility visibility = fields.visibility() == null ? search.getVisibility()
                : allowed(fields.visibility(), actor);
        String name = fields.name() == null ? search.getName() : name(fields.name());
        String query = fields.query() == null ? search.getQueryJson() : queryJson(fields.query());
        search.requireVersion(expectedVersion);
        search.change(name, visibility, query, clock.instant());
        if (fields.alert() != null) {
            search.alert(fields.alert(), clock.instant());
        }
        baselineIfWatched(search, actor.role());
        searches.flush();
        return view(search);
    }

    @Transactional
    public void delete(UUID id) {
        Actor actor = CurrentActor.require();
        SavedSearch search = visible(id);
        if (!search.getOwnerId().equals(actor.userId()) && !actor.role().includes(Role.ADMIN)) {
            throw new AccessDeniedException("Only its owner or an admin removes a saved search");
        }
        searches.delete(search);
    }

    private void baselineIfWatched(SavedSearch search, Role role) {
        if (search.isAlert() && !search.baselined()) {
            alerts.baseline(search, query(search), role);
        }
    }

    private SavedSearch visible(UUID id) {
        UUID member = CurrentActor.require().userId();
        return searches.findById(id).filter(search -> search.visibleTo(member))
                .orElseThrow(() -> new NotFoundException("The saved search"));
    }

    private static SavedSearchVisibility allowed(SavedSearchVisibility visibility, Actor actor) {
        if (visibility == SavedSearchVisibility.WORKSPACE && !actor.role().includes(Role.CONTRIBUTOR)) {
            throw new AccessDeniedException("Sharing a search with the workspace needs a contributor");
        }
        return visibility;
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException("name", "is required");
        }
        if (stripped.length() > SavedSearchFields.MAX_NAME) {
            throw new InvalidInputException("name", "is at most " + SavedSearchFields.MAX_NAME + " characters");
        }
        return stripped;
    }

    /** Checked as the search box checks it, then kept. */
    private String queryJson(SearchCriteria query) {
        SearchQuery.of(query);
        return json.writeValueAsString(query);
    }

    SearchCriteria query(SavedSearch search) {
        return json.readValue(search.getQueryJson(), SearchCriteria.class);
    }

    private SavedSearchView view(SavedSearch search) {
        return view(search, members.displayNames(List.of(search.getOwnerId())), CurrentActor.require());
    }

    private SavedSearchView view(SavedSearch search, Map<UUID, String> names, Actor actor) {
        SearchCriteria query = query(search);
        return new SavedSearchView(search.getId(), search.getName(), search.getVisibility(), query, query.link(),
                search.isAlert(), search.getAlertCheckedAt(), search.getOwnerId(),
                names.getOrDefault(search.getOwnerId(), "A former member"), search.getOwnerId().equals(actor.userId()),
                search.getCreatedAt(), search.getUpdatedAt(), search.getVersion());
    }
}
