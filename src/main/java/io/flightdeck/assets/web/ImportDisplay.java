package io.flightdeck.assets.web;

import java.util.Map;

import io.flightdeck.assets.imports.ImportFormat;
import io.flightdeck.assets.imports.ImportKind;
import io.flightdeck.assets.imports.ImportMode;
import io.flightdeck.assets.imports.ImportStatus;
import org.springframework.stereotype.Component;

/**
 * The import pages' words for what the API names in capitals: {@code ${@importDisplay.status(i.status)}}. Public only
 * because Thymeleaf's expressions call it by reflection.
 */
@Component("importDisplay")
class ImportDisplay {

    /** What each mapped field is called on the preview (the import's own field names). */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("ASSET_ID", "Flightdeck asset id"), Map.entry("EXTERNAL_ID", "Platform ad id"),
            Map.entry("ASSET_NAME", "Asset name"), Map.entry("ASSET_TYPE", "Asset type"), Map.entry("TITLE", "Title"),
            Map.entry("DESCRIPTION", "Description"), Map.entry("AD_COPY", "Ad copy"), Map.entry("HEADLINE", "Headline"),
            Map.entry("CTA", "Call to action"), Map.entry("TAGS", "Tags"), Map.entry("DAY", "Day"),
            Map.entry("DAY_END", "Last day"), Map.entry("IMPRESSIONS", "Impressions"), Map.entry("CLICKS", "Clicks"),
            Map.entry("CONVERSIONS", "Conversions"), Map.entry("SPEND", "Spend"), Map.entry("REVENUE", "Revenue"),
            Map.entry("CURRENCY", "Currency"));

    public String format(ImportFormat format) {
        return switch (format) {
            case SEED -> "Flightdeck (seed 004)";
            case GOOGLE_ADS -> "Google Ads export";
            case META_ADS -> "Meta Ads export";
        };
    }

    public String kind(ImportKind kind) {
        return kind == ImportKind.PERFORMANCE ? "Performance by day" : "Asset details";
    }

    public String kindExplanation(ImportKind kind) {
        return kind == ImportKind.PERFORMANCE
                ? "Impressions, clicks, conversions, spend and revenue per asset and day. A day imported again replaces "
                + "its earlier figures, so a file imported twice counts once."
                : "Names, types, titles, copy and tags. A row that names an existing asset (by id, platform id, or name "
                + "and type) updates it; any other row creates a copy asset in this space.";
    }

    public String mode(ImportMode mode) {
        return mode == ImportMode.SKIP_BAD_ROWS ? "Skip bad rows" : "All or nothing";
    }

    public String modeExplanation(ImportMode mode) {
        return mode == ImportMode.SKIP_BAD_ROWS
                ? "Good rows are imported; bad rows are left out and listed in the error report."
                : "Every row is checked first. If any row is bad, nothing is imported and the error report lists the "
                + "problems.";
    }

    public String status(ImportStatus status) {
        return switch (status) {
            case QUEUED -> "Waiting to start";
            case RUNNING -> "Importing";
            case SUCCEEDED -> "Imported";
            case PARTLY -> "Imported, bad rows skipped";
            case FAILED -> "Not imported";
        };
    }

    /** The badge colour: under way, done, done with rows left out, or nothing written. */
    public String statusBadge(ImportStatus status) {
        return switch (status) {
            case QUEUED, RUNNING -> "badge-primary";
            case SUCCEEDED -> "badge-success";
            case PARTLY -> "badge-warning";
            case FAILED -> "badge-danger";
        };
    }

    public String field(String field) {
        return FIELDS.getOrDefault(field, field);
    }
}
