package io.flightdeck.assets.imports;

import java.util.List;
import java.util.regex.Pattern;

import static io.flightdeck.assets.imports.ColumnRule.named;
import static io.flightdeck.assets.imports.ColumnRule.pattern;
import static io.flightdeck.assets.imports.ImportField.AD_COPY;
import static io.flightdeck.assets.imports.ImportField.ASSET_ID;
import static io.flightdeck.assets.imports.ImportField.ASSET_NAME;
import static io.flightdeck.assets.imports.ImportField.ASSET_TYPE;
import static io.flightdeck.assets.imports.ImportField.CLICKS;
import static io.flightdeck.assets.imports.ImportField.CONVERSIONS;
import static io.flightdeck.assets.imports.ImportField.CTA;
import static io.flightdeck.assets.imports.ImportField.CURRENCY;
import static io.flightdeck.assets.imports.ImportField.DAY;
import static io.flightdeck.assets.imports.ImportField.DAY_END;
import static io.flightdeck.assets.imports.ImportField.DESCRIPTION;
import static io.flightdeck.assets.imports.ImportField.EXTERNAL_ID;
import static io.flightdeck.assets.imports.ImportField.HEADLINE;
import static io.flightdeck.assets.imports.ImportField.IMPRESSIONS;
import static io.flightdeck.assets.imports.ImportField.REVENUE;
import static io.flightdeck.assets.imports.ImportField.SPEND;
import static io.flightdeck.assets.imports.ImportField.TAGS;
import static io.flightdeck.assets.imports.ImportField.TITLE;

/**
 * The CSV layouts an import reads, each a table of header names per field. A file's format is the first whose
 * signature appears in a header row that also names an asset (Meta's before Google's, both before the seed's, whose
 * snake_case names are the least specific); the header row may come after a report's title lines.
 */
public enum ImportFormat {

    /** Meta Ads Manager's export: one row per ad and reporting period (daily with the "Day" breakdown). */
    META_ADS(List.of(Pattern.compile("reporting (starts|ends)"), Pattern.compile("amount spent( \\(.*\\))?")), false, List.of(
            named(EXTERNAL_ID, "ad id"),
            named(ASSET_NAME, "ad name"),
            named(DAY, "reporting starts", "day"),
            named(DAY_END, "reporting ends"),
            named(IMPRESSIONS, "impressions"),
            named(CLICKS, "link clicks", "clicks (all)", "clicks"),
            named(CONVERSIONS, "results", "purchases", "conversions"),
            pattern(SPEND, "amount spent \\((?<currency>[a-z]{3})\\)|amount spent"),
            named(REVENUE, "purchases conversion value", "website purchases conversion value", "purchase conversion value"),
            named(CURRENCY, "currency"))),

    /**
     * A Google Ads report downloaded as CSV: title and date-range lines before the header, "Total: ..." lines at the
     * end, "--" for no value, thousands separators.
     */
    GOOGLE_ADS(List.of(Pattern.compile("impr\\."), Pattern.compile("currency code"), Pattern.compile("ad id"),
            Pattern.compile("asset id")), true, List.of(
            named(EXTERNAL_ID, "ad id", "asset id"),
            named(ASSET_NAME, "ad name"),
            named(DAY, "day", "date"),
            named(IMPRESSIONS, "impr.", "impressions"),
            named(CLICKS, "clicks"),
            named(CONVERSIONS, "conversions", "conv."),
            named(SPEND, "cost"),
            named(REVENUE, "conv. value", "conversion value", "total conv. value", "all conv. value"),
            named(CURRENCY, "currency code", "currency"))),

    /** Seed 004's columns, for metadata and for performance. */
    SEED(List.of(), false, List.of(
            named(ASSET_ID, "asset_id"),
            named(EXTERNAL_ID, "external_asset_id", "external_id"),
            named(ASSET_NAME, "asset_name", "name"),
            named(ASSET_TYPE, "asset_type", "type"),
            named(TITLE, "title"),
            named(DESCRIPTION, "description"),
            named(AD_COPY, "ad_copy_text", "ad_copy"),
            named(HEADLINE, "headline_text", "headline"),
            named(CTA, "cta_text", "call_to_action"),
            named(TAGS, "tags"),
            named(DAY, "date", "day", "report_date"),
            named(IMPRESSIONS, "impressions"),
            named(CLICKS, "clicks"),
            named(CONVERSIONS, "conversions"),
            named(SPEND, "spend", "cost"),
            named(REVENUE, "revenue"),
            named(CURRENCY, "currency")));

    private final List<Pattern> signature;
    private final boolean totalRowsAtEnd;
    private final List<ColumnRule> columns;

    ImportFormat(List<Pattern> signature, boolean totalRowsAtEnd, List<ColumnRule> columns) {
        this.signature = signature;
        this.totalRowsAtEnd = totalRowsAtEnd;
        this.columns = columns;
    }

    /** Whether a normalised header row is this format's: its signature is there (the seed has none) and it names an asset. */
    boolean recognises(List<String> normalisedHeader) {
        boolean signed = signature.isEmpty()
                || normalisedHeader.stream().anyMatch(h -> signature.stream().anyMatch(p -> p.matcher(h).matches()));
        return signed && columns.stream().filter(rule -> ImportField.IDENTIFIERS.contains(rule.field()))
                .anyMatch(rule -> rule.names().stream().anyMatch(p -> normalisedHeader.stream().anyMatch(h -> p.matcher(h).matches())));
    }

    List<ColumnRule> columns() {
        return columns;
    }

    /** Google's "Total: account", "Total: campaigns" ... lines: a summary, not data. */
    boolean isTotalRow(String firstCell) {
        return totalRowsAtEnd && firstCell != null && ColumnRule.normalise(firstCell).startsWith("total");
    }
}
