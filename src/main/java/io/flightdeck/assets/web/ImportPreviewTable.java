package io.flightdeck.assets.web;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.imports.ImportPreview;
import io.flightdeck.assets.imports.ImportRowError;

/**
 * The preview's first rows as a table the page shows: a column per value the import would write (only those some row
 * has), cells in words (an asset by its name, not its id), and each row's problems. A bad row has no values, only its
 * problems, because the import reads nothing from it.
 */
record ImportPreviewTable(List<String> headers, List<Row> rows, long rowsWithProblems) {

    /** The values an import describes, in the order a member reads them, with their headings. */
    private static final Map<String, String> HEADINGS = headings();

    record Row(long row, List<String> cells, List<ImportRowError> errors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    static ImportPreviewTable of(ImportPreview preview, Map<UUID, String> assetNames, AssetDisplay display) {
        List<String> keys = HEADINGS.keySet().stream()
                .filter(key -> preview.rows().stream().anyMatch(r -> r.values().containsKey(key))).toList();
        List<Row> rows = preview.rows().stream().map(r -> new Row(r.row(),
                keys.stream().map(key -> cell(r.values().get(key), assetNames, display)).toList(), r.errors())).toList();
        return new ImportPreviewTable(keys.stream().map(HEADINGS::get).toList(), rows,
                rows.stream().filter(r -> !r.ok()).count());
    }

    /** The assets the rows name, so their names are looked up at once. */
    static List<UUID> assetIds(ImportPreview preview) {
        return preview.rows().stream().map(r -> r.values().get("assetId")).filter(UUID.class::isInstance)
                .map(UUID.class::cast).distinct().toList();
    }

    private static String cell(Object value, Map<UUID, String> assetNames, AssetDisplay display) {
        if (value == null) {
            return "—";
        }
        if (value instanceof UUID id) {
            return assetNames.getOrDefault(id, id.toString());
        }
        if (value instanceof Long || value instanceof Integer) {
            return display.number(((Number) value).longValue());
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof AssetType type) {
            return display.type(type);
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? "—" : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if ("CREATE".equals(value) || "UPDATE".equals(value)) {
            return "CREATE".equals(value) ? "Create" : "Update";
        }
        return String.valueOf(value);
    }

    private static Map<String, String> headings() {
        Map<String, String> headings = new LinkedHashMap<>();
        headings.put("action", "Action");
        headings.put("assetId", "Asset");
        headings.put("name", "Name");
        headings.put("type", "Type");
        headings.put("externalAssetId", "Platform id");
        headings.put("day", "Day");
        headings.put("impressions", "Impressions");
        headings.put("clicks", "Clicks");
        headings.put("conversions", "Conversions");
        headings.put("spend", "Spend");
        headings.put("revenue", "Revenue");
        headings.put("title", "Title");
        headings.put("headline", "Headline");
        headings.put("description", "Description");
        headings.put("adCopy", "Ad copy");
        headings.put("ctaText", "Call to action");
        headings.put("tags", "Tags");
        return headings;
    }
}
