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
import io.flightdeck.shared.security.CurrentActor;
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

    private final SiteSearch search;

    SearchPagesController(SiteSearch search) {
        this.search = search;
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
        try {
            SearchResults results = search.search(parameters.query(), CurrentActor.require().role(),
                    parameters.pageIndex(), parameters.pageSize());
            SearchLinks links = new SearchLinks(request.getParameterMap());
            model.addAttribute("results", results);
            model.addAttribute("facets", links.facets(results.facets()));
            model.addAttribute("filtered", links.filtered());
            model.addAttribute("clearLink", links.cleared());
            model.addAttribute("previousLink", results.page() > 0 ? links.page(results.page() - 1) : null);
            model.addAttribute("nextLink", (long) (results.page() + 1) * results.size() < results.total()
                    ? links.page(results.page() + 1) : null);
        } catch (InvalidInputException refused) {
            model.addAttribute("error", refused.getMessage());
        }
        return "search/results";
    }
}
