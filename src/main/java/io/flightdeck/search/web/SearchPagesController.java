package io.flightdeck.search.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.search.domain.SearchResults;
import io.flightdeck.search.domain.SearchType;
import io.flightdeck.search.domain.SiteSearch;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.bulk.BulkTarget;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The results page of the search box in the page shell: ranked hits with their snippets, facets as filter links, a
 * pager. The keyboard moves through it (static/js/search.js): arrows between hits, Enter opens one.
 */
@Controller
class SearchPagesController {

    private static final Map<String, String> TYPE_LABELS = Arrays.stream(SearchType.values())
            .collect(Collectors.toMap(SearchType::key, SearchType::label));

    private static final List<String> SAVED_FILTERS = List.of("type", "status", "owner", "tag", "channel", "from", "to");

    private final SiteSearch search;
    private final List<BulkTarget> bulkTargets;

    SearchPagesController(SiteSearch search, List<BulkTarget> bulkTargets) {
        this.search = search;
        this.bulkTargets = bulkTargets;
    }

    @GetMapping("/search")
    String results(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) List<String> status, @RequestParam(required = false) List<UUID> owner,
            @RequestParam(required = false) List<String> tag, @RequestParam(required = false) List<String> channel,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        SearchParameters parameters = new SearchParameters(q, type, status, owner, tag, channel, from, to, page, 20);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("typeLabels", TYPE_LABELS);
        model.addAttribute("siteSearchQuery", q);
        model.addAttribute("savedParameters", filters(request));
        model.addAttribute("canShare", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        try {
            SearchResults results = search.search(parameters.query(), CurrentActor.require().userId(),
                    CurrentActor.require().role(),
                    parameters.pageIndex(), parameters.pageSize());
            SearchLinks links = new SearchLinks(request.getParameterMap());
            model.addAttribute("results", results);
            model.addAttribute("facets", links.facets(results.facets()));
            model.addAttribute("filtered", links.filtered());
            model.addAttribute("clearLink", links.cleared());
            model.addAttribute("previousLink", results.page() > 0 ? links.page(results.page() - 1) : null);
            model.addAttribute("nextLink", (long) (results.page() + 1) * results.size() < results.total()
                    ? links.page(results.page() + 1) : null);
            model.addAttribute("bulkLink", results.total() > 0 ? bulkLink(parameters) : null);
        } catch (InvalidInputException refused) {
            model.addAttribute("error", refused.getMessage());
        }
        return "search/results";
    }

    /**
     * Filtered to one kind that bulk actions take, a contributor may change all that match at once (ops' page for
     * it); null otherwise.
     */
    private String bulkLink(SearchParameters parameters) {
        List<String> types = parameters.saved().type();
        if (types.size() != 1 || !CurrentActor.require().role().includes(Role.CONTRIBUTOR)
                || bulkTargets.stream().noneMatch(target -> types.get(0).equals(target.searchType()))) {
            return null;
        }
        return parameters.saved().link().replaceFirst("^/search", "/bulk/matching");
    }

    /** The filters of this search, for the hidden fields of "Save this search". */
    private static List<Map.Entry<String, String>> filters(HttpServletRequest request) {
        return SAVED_FILTERS.stream().flatMap(name -> Arrays.stream(request.getParameterValues(name) == null
                ? new String[0] : request.getParameterValues(name)).filter(value -> !value.isBlank())
                .map(value -> Map.entry(name, value))).toList();
    }
}
