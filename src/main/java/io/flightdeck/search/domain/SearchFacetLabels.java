package io.flightdeck.search.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import org.springframework.stereotype.Component;

/** Facet counts with words beside their values: kinds by name, owners by their display name (one lookup a page). */
@Component
class SearchFacetLabels {

    private final MemberDirectory members;

    SearchFacetLabels(MemberDirectory members) {
        this.members = members;
    }

    List<SearchResults.FacetCount> types(Map<String, Long> counts) {
        List<SearchResults.FacetCount> facet = new ArrayList<>();
        counts.forEach((key, count) -> facet.add(new SearchResults.FacetCount(key, SearchType.labelOf(key), count)));
        return facet;
    }

    List<SearchResults.FacetCount> plain(Map<String, Long> counts) {
        List<SearchResults.FacetCount> facet = new ArrayList<>();
        counts.forEach((value, count) -> facet.add(new SearchResults.FacetCount(value, value, count)));
        return facet;
    }

    /** A member who has left keeps a count under "Former member": the items are still theirs. */
    List<SearchResults.FacetCount> owners(Map<String, Long> counts) {
        List<UUID> ids = counts.keySet().stream().map(UUID::fromString).toList();
        Map<UUID, String> names = ids.isEmpty() ? Map.of() : members.displayNames(ids);
        List<SearchResults.FacetCount> facet = new ArrayList<>();
        counts.forEach((id, count) -> facet.add(new SearchResults.FacetCount(id,
                names.getOrDefault(UUID.fromString(id), "Former member"), count)));
        return facet;
    }
}
