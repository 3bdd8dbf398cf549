package io.flightdeck.assets.web;

import io.flightdeck.assets.imports.ImportFormat;

/**
 * The format a member says a file is in. The import itself always reads the format from the file's header (the API
 * takes no format), so a named choice is a check: a file that is not what the member thinks is caught on the preview,
 * before anything is written, instead of being imported under a mapping they did not expect.
 */
enum ImportFormatChoice {

    AUTO(null, "Detect automatically", "Recommended: Flightdeck reads the header row and picks the format."),
    SEED(ImportFormat.SEED, "Flightdeck (seed 004)", "Flightdeck's own columns: asset_name, external_asset_id, date, "
            + "impressions, clicks, spend …"),
    GOOGLE_ADS(ImportFormat.GOOGLE_ADS, "Google Ads export", "A Google Ads report downloaded as CSV: Ad ID, Day, Impr., "
            + "Clicks, Cost …; title and total lines are skipped."),
    META_ADS(ImportFormat.META_ADS, "Meta Ads export", "An export from Meta Ads Manager: Ad ID, Reporting starts, "
            + "Impressions, Amount spent …");

    private final ImportFormat expected;
    private final String label;
    private final String explanation;

    ImportFormatChoice(ImportFormat expected, String label, String explanation) {
        this.expected = expected;
        this.label = label;
        this.explanation = explanation;
    }

    /** Whether a file read as {@code detected} is what the member chose. */
    boolean accepts(ImportFormat detected) {
        return expected == null || expected == detected;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}
