package io.flightdeck.assets.web;

import java.util.Locale;

/**
 * The library page's orders, as {@code sort} carries them. Best match and newest come from the search index; name,
 * click-through rate and reuse only the database can sort by (the index keeps neither the figures nor a sortable name),
 * so choosing one of those hands the list to the database ({@link AssetLibraryParams#fromIndex()}).
 */
enum AssetLibrarySort {

    /** The best matches first; without words this is newest first (the default either way, so never in the address). */
    RELEVANCE("", "Best match", null),
    NEWEST("newest", "Newest first", AssetOrder.NEWEST),
    NAME("name", "Name (A–Z)", AssetOrder.NAME),
    BEST_CTR("best-ctr", "Best click-through rate", AssetOrder.BEST_CTR),
    MOST_REUSED("most-reused", "Most reused", AssetOrder.MOST_REUSED);

    private final String param;
    private final String label;
    private final AssetOrder order;

    AssetLibrarySort(String param, String label, AssetOrder order) {
        this.param = param;
        this.label = label;
        this.order = order;
    }

    /** The value in the address and in the select; empty for the default. */
    public String getParam() {
        return param;
    }

    public String getLabel() {
        return label;
    }

    AssetOrder order() {
        return order;
    }

    public boolean isDatabaseOnly() {
        return this == NAME || this == BEST_CTR || this == MOST_REUSED;
    }

    /**
     * The order a {@code sort} value names, any case, {@code best_ctr} as well as {@code best-ctr}; null for the default
     * (empty, {@code relevance}) and for a value the page does not know, which a page answers with its default order
     * rather than an error.
     */
    static AssetLibrarySort parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (AssetLibrarySort sort : values()) {
            if (sort != RELEVANCE && sort.param.equals(wanted)) {
                return sort;
            }
        }
        return null;
    }
}
