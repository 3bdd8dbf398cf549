package io.flightdeck.assets.web;

import org.springframework.data.domain.Sort;

/** How the library is sorted; each order ends with the id, so pages never overlap. */
enum AssetOrder {
    NEWEST(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))),
    NAME(Sort.by(Sort.Order.asc("name").ignoreCase(), Sort.Order.asc("id"))),
    /** Click-through rate summed over every use (campaigns and spaces); assets never shown last. */
    BEST_CTR(Sort.by(Sort.Order.desc("clickThroughRate").nullsLast(), Sort.Order.desc("impressions"), Sort.Order.asc("id"))),
    MOST_REUSED(Sort.by(Sort.Order.desc("reusedCount"), Sort.Order.desc("createdAt"), Sort.Order.asc("id")));

    private final Sort sort;

    AssetOrder(Sort sort) {
        this.sort = sort;
    }

    Sort sort() {
        return sort;
    }
}
