package io.flightdeck.assets.web;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.JpaSort;

/** How the library is sorted; each order ends with the id, so pages never overlap. */
enum AssetOrder {
    NEWEST(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))),
    NAME(Sort.by(Sort.Order.asc("name").ignoreCase(), Sort.Order.asc("id"))),
    /**
     * Click-through rate summed over every use (campaigns and spaces); assets never shown (no rate) last. Not
     * {@code nullsLast()}: Hibernate leaves out a null order it takes for the database's default, and it takes H2's
     * to be nulls-low, while Flightdeck runs H2 with {@code DEFAULT_NULL_ORDERING=HIGH} (as PostgreSQL sorts), so on H2
     * the assets without a rate came first. The rate is null exactly when there are no impressions, so a missing rate
     * counted as 0 and then more impressions first puts an asset shown without a click before one never shown.
     */
    BEST_CTR(JpaSort.unsafe(Sort.Direction.DESC, "coalesce(clickThroughRate, 0)")
            .and(Sort.by(Sort.Order.desc("performance.impressions"), Sort.Order.asc("id")))),
    MOST_REUSED(Sort.by(Sort.Order.desc("reusedCount"), Sort.Order.desc("createdAt"), Sort.Order.asc("id")));

    private final Sort sort;

    AssetOrder(Sort sort) {
        this.sort = sort;
    }

    Sort sort() {
        return sort;
    }
}
