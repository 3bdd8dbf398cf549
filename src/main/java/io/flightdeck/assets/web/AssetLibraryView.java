package io.flightdeck.assets.web;

import java.util.List;

import io.flightdeck.assets.domain.AssetView;
import org.springframework.data.domain.Page;

/**
 * What the library page shows for one address: a page of assets, the facets beside them (null when the database
 * answered, which counts nothing; {@code note} then says why they are missing), and the chips of the filters in use.
 * The list, its total and every count come from one question to one engine, so they never disagree.
 */
record AssetLibraryView(Page<AssetView> assets, List<FacetGroup> facets, List<Chip> chips, String note) {

    /**
     * One facet: its values with their counts over every hit, and, for an any-of facet with a value chosen, the other
     * values that would add hits ({@code more}, without counts: how many they add is not what the index counts).
     *
     * @param rule how its values combine, in words ("any of", "all of", "one at a time")
     */
    record FacetGroup(String id, String title, String rule, List<FacetValue> values, List<FacetValue> more) {

        public boolean isEmpty() {
            return values.isEmpty() && more.isEmpty();
        }
    }

    /**
     * A value of a facet, linking to the same address with it added or removed; {@code count} is null where it is not
     * known. The id is stable across updates, so that htmx can give the focus back to the link that was chosen.
     */
    record FacetValue(String id, String label, Long count, boolean selected, String url) {
    }

    /** A filter in use, in words, linking to the same address without it. */
    record Chip(String label, String url) {
    }
}
