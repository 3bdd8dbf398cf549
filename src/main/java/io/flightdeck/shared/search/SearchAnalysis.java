package io.flightdeck.shared.search;

/**
 * The analyzers and normalizers every indexed entity may name, defined once for each backend
 * ({@link LuceneAnalysis}, {@link ElasticsearchAnalysis}) so that a mapping reads the same on either. Neither backend
 * ships an {@code english} analyzer under that name, so we define ours.
 */
public final class SearchAnalysis {

    /** Prose: standard tokenizer, lower case, accents folded, English stems ("running" finds "run"). */
    public static final String ENGLISH = "english";
    /** Keywords compared case- and accent-insensitively (a file name's exact-ish form). */
    public static final String LOWERCASE = "lowercase";
    /**
     * Overlapping three-character pieces of the lower-cased, folded text: "contains" becomes a phrase of trigrams,
     * which stays fast over millions of names where a leading wildcard would walk every term.
     */
    public static final String TRIGRAM = "trigram";

    private SearchAnalysis() {
    }
}
