package io.flightdeck.search.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.flightdeck.search.domain.SearchResults;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The results page's links, each the current search with one thing changed: a facet value chosen (or, when chosen,
 * dropped), another page. Choosing a filter starts again at the first page.
 */
final class SearchLinks {

    private static final List<String> FILTERS = List.of("type", "status", "owner", "tag", "channel", "from", "to");

    /** One facet of the page: its title and values, each a link. */
    record Facet(String title, List<Value> values) {
    }

    record Value(String label, long count, String link, boolean selected) {
    }

    private final Map<String, List<String>> parameters = new LinkedHashMap<>();

    SearchLinks(Map<String, String[]> request) {
        request.forEach((name, values) -> {
            if (!"page".equals(name)) {
                parameters.put(name, new ArrayList<>(List.of(values)));
            }
        });
    }

    List<Facet> facets(SearchResults.Facets facets) {
        List<Facet> all = new ArrayList<>();
        all.add(terms("Type", "type", facets.type()));
        all.add(terms("Status", "status", facets.status()));
        all.add(terms("Owner", "owner", facets.owner()));
        all.add(terms("Tag", "tag", facets.tag()));
        all.add(terms("Channel or platform", "channel", facets.channel()));
        all.add(new Facet("Date", facets.date().stream().filter(bucket -> bucket.count() > 0).map(bucket -> {
            boolean selected = same("from", bucket.from()) && same("to", bucket.to());
            Map<String, List<String>> changed = copy();
            changed.remove("from");
            changed.remove("to");
            if (!selected) {
                put(changed, "from", bucket.from());
                put(changed, "to", bucket.to());
            }
            return new Value(bucket.label(), bucket.count(), link(changed), selected);
        }).toList()));
        return all.stream().filter(facet -> !facet.values().isEmpty()).toList();
    }

    private Facet terms(String title, String name, List<SearchResults.FacetCount> counts) {
        Function<SearchResults.FacetCount, Value> value = count -> {
            List<String> chosen = parameters.getOrDefault(name, List.of());
            boolean selected = chosen.contains(count.value());
            Map<String, List<String>> changed = copy();
            List<String> values = new ArrayList<>(chosen);
            if (selected) {
                values.remove(count.value());
            } else {
                values.add(count.value());
            }
            changed.put(name, values);
            return new Value(count.label(), count.count(), link(changed), selected);
        };
        return new Facet(title, counts.stream().map(value).toList());
    }

    boolean filtered() {
        return FILTERS.stream().anyMatch(name -> !parameters.getOrDefault(name, List.of()).isEmpty());
    }

    /** The same words, no filters. */
    String cleared() {
        Map<String, List<String>> changed = copy();
        FILTERS.forEach(changed::remove);
        return link(changed);
    }

    String page(int page) {
        Map<String, List<String>> changed = copy();
        changed.put("page", List.of(String.valueOf(page)));
        return link(changed);
    }

    private boolean same(String name, String value) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return value == null ? values.isEmpty() || values.get(0).isEmpty() : values.contains(value);
    }

    private Map<String, List<String>> copy() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, List.of(value));
        }
    }

    private static String link(Map<String, List<String>> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search");
        parameters.forEach((name, values) -> values.stream().filter(value -> !value.isEmpty())
                .forEach(value -> uri.queryParam(name, value)));
        return uri.encode().build().toUriString();
    }
}
