package io.flightdeck.assets.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of search hits with the total, and how many of all the hits have each type, tag, platform and space (the
 * most frequent first); {@code facets} is left out when they were not asked for.
 */
public record AssetSearchResult(List<AssetView> items, long total, int page, int size,
        @JsonInclude(JsonInclude.Include.NON_NULL) Facets facets) {

    public record Facets(List<FacetCount> type, List<FacetCount> tag, List<FacetCount> platform, List<FacetCount> space) {
    }

    /** @param label the space's name; absent for the other facets, whose value reads as it is */
    public record FacetCount(String value, @JsonInclude(JsonInclude.Include.NON_NULL) String label, long count) {
    }
}
