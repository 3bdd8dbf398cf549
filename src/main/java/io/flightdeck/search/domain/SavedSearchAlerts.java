package io.flightdeck.search.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.search.SavedSearchFoundNew;
import io.flightdeck.search.SearchCriteria;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerts of watched saved searches. A recurring task looks every minute for up to {@link #BATCH} searches whose
 * last check is older than {@code flightdeck.search.alert-interval} (15 minutes) and runs each as its owner, with the
 * owner's role today, in its own workspace and transaction: the hits it had not seen before are told to the owner
 * ({@link SavedSearchFoundNew}, which notifications delivers), and what it found becomes what it has seen. A check
 * compares the {@link #WATCHED} newest hits, so a search that matches more is watched at its newest end. A search whose
 * owner left the workspace stops watching.
 */
@Component
public class SavedSearchAlerts {

    static final int BATCH = 50;
    static final int WATCHED = 1_000;
    private static final int EXAMPLES = 3;
    private static final Logger log = LoggerFactory.getLogger(SavedSearchAlerts.class);

    private final SavedSearchRepository searches;
    private final SiteSearch search;
    private final MemberDirectory members;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration interval;

    SavedSearchAlerts(SavedSearchRepository searches, SiteSearch search, MemberDirectory members,
            ApplicationEventPublisher events, TransactionTemplate transactions, JsonMapper json, Clock clock,
            @Value("${flightdeck.search.alert-interval:PT15M}") Duration interval) {
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            // the task looks once a minute: a shorter interval would promise checks that never happen
            throw new IllegalStateException("flightdeck.search.alert-interval must be at least one minute (PT1M), not "
                    + interval);
        }
        this.searches = searches;
        this.search = search;
        this.members = members;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.interval = interval;
    }

    public Duration interval() {
        return interval;
    }

    /** One run: checks the watched searches that are due, up to a batch; answers how many were checked. */
    public int checkDue() {
        Instant before = clock.instant().minus(interval);
        List<DueSavedSearch> due = TenantScope.system("saved searches due an alert check",
                () -> transactions.execute(status -> searches.findDue(before, PageRequest.of(0, BATCH))));
        int checked = 0;
        for (DueSavedSearch watched : due) {
            try {
                TenantScope.run(watched.workspaceId(), () -> transactions.executeWithoutResult(status -> check(watched)));
                checked++;
            } catch (RuntimeException e) {
                // changed or removed while it waited (the next run takes it again), or the database failed
                log.warn("Saved search {} in workspace {} was not checked this time: {}", watched.id(),
                        watched.workspaceId(), e.toString());
            }
        }
        return checked;
    }

    /** What the search finds now is what it has seen: the first alert tells only of what appears afterwards. */
    void baseline(SavedSearch saved, SearchCriteria query, Role role) {
        saved.checked(keys(search.newest(SearchQuery.of(query), saved.getOwnerId(), role, WATCHED)), clock.instant());
    }

    private void check(DueSavedSearch watched) {
        Optional<SavedSearch> found = searches.findById(watched.id()).filter(SavedSearch::isAlert);
        if (found.isEmpty()) {
            return;
        }
        SavedSearch saved = found.get();
        Optional<MemberSummary> owner = members.find(saved.getOwnerId());
        if (owner.isEmpty()) {
            saved.alert(false, clock.instant());
            return;
        }
        SearchCriteria query = json.readValue(saved.getQueryJson(), SearchCriteria.class);
        List<SiteSearch.Found> hits = search.newest(SearchQuery.of(query), saved.getOwnerId(), owner.get().role(), WATCHED);
        Set<String> fresh = saved.checked(keys(hits), clock.instant());
        if (!fresh.isEmpty()) {
            List<String> examples = hits.stream().filter(hit -> fresh.contains(hit.key())).limit(EXAMPLES)
                    .map(SiteSearch.Found::title).toList();
            events.publishEvent(new SavedSearchFoundNew(watched.workspaceId(), saved.getId(), saved.getOwnerId(),
                    saved.getName(), fresh.size(), examples, query.link(), clock.instant()));
        }
    }

    private static List<String> keys(List<SiteSearch.Found> hits) {
        return hits.stream().map(SiteSearch.Found::key).toList();
    }
}
