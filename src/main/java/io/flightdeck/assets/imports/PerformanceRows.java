package io.flightdeck.assets.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.flightdeck.assets.domain.ImportTarget;
import io.flightdeck.assets.domain.PerformanceDay;
import io.flightdeck.shared.csv.CsvDialect;

import static io.flightdeck.assets.imports.ImportField.ASSET_ID;
import static io.flightdeck.assets.imports.ImportField.ASSET_NAME;
import static io.flightdeck.assets.imports.ImportField.CLICKS;
import static io.flightdeck.assets.imports.ImportField.CONVERSIONS;
import static io.flightdeck.assets.imports.ImportField.CURRENCY;
import static io.flightdeck.assets.imports.ImportField.DAY;
import static io.flightdeck.assets.imports.ImportField.DAY_END;
import static io.flightdeck.assets.imports.ImportField.EXTERNAL_ID;
import static io.flightdeck.assets.imports.ImportField.IMPRESSIONS;
import static io.flightdeck.assets.imports.ImportField.REVENUE;
import static io.flightdeck.assets.imports.ImportField.SPEND;

/**
 * Performance rows: each names an asset of the space (by id, platform id or name, in that order), a day and its
 * numbers. A row is refused for a number that is not one or is negative, more clicks than impressions, an unknown
 * or ambiguous asset, a day that is not a date, a currency other than the space's, or fewer cells than the header.
 * A Meta row covering several days (no daily breakdown) is kept on its first day.
 */
final class PerformanceRows implements ImportRows<PerformanceRows.Line> {

    /** An accepted row: the asset it is for and the day to write. */
    record Line(UUID assetId, PerformanceDay day) {
    }

    private final ImportLayout layout;
    private final boolean decimalComma;
    private final String spaceCurrency;
    private final Map<UUID, ImportTarget> byId = new HashMap<>();
    private final Map<String, ImportTarget> byExternalId = new HashMap<>();
    private final Map<String, ImportTarget> byName = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();
    private final Consumer<List<PerformanceDay>> writer;

    PerformanceRows(ImportLayout layout, CsvDialect dialect, List<ImportTarget> targets, String spaceCurrency,
            Consumer<List<PerformanceDay>> writer) {
        this.layout = layout;
        this.decimalComma = dialect.decimalComma();
        this.spaceCurrency = spaceCurrency;
        this.writer = writer;
        for (ImportTarget t : targets) {
            byId.put(t.assetId(), t);
            index(byExternalId, "x:", t.externalAssetId(), t);
            index(byName, "n:", t.name() == null ? null : t.name().toLowerCase(Locale.ROOT), t);
        }
    }

    private void index(Map<String, ImportTarget> map, String prefix, String key, ImportTarget target) {
        if (key == null) {
            return;
        }
        ImportTarget before = map.putIfAbsent(key, target);
        if (before != null && !before.assetId().equals(target.assetId())) {
            ambiguous.add(prefix + key);
        }
    }

    /** The columns a performance file needs; else the whole file is refused before a row is read. */
    static void requireColumns(ImportLayout layout) {
        List<String> missing = new ArrayList<>();
        if (!layout.has(ASSET_ID) && !layout.has(EXTERNAL_ID) && !layout.has(ASSET_NAME)) {
            missing.add("an asset column (asset_id, external_asset_id, asset_name, or Ad ID)");
        }
        if (!layout.has(DAY)) {
            missing.add("a date column (date, Day, Reporting starts)");
        }
        if (ImportField.METRICS.stream().noneMatch(layout::has)) {
            missing.add("a number column (impressions, clicks, conversions, spend, revenue)");
        }
        if (!missing.isEmpty()) {
            throw new ImportFileException(layout.headerRow(), "A performance import needs " + String.join(", ", missing)
                    + "; the header row has none.");
        }
    }

    @Override
    public Checked<Line> check(SourceRow row) {
        List<ImportRowError> errors = new ArrayList<>(2);
        if (row.cells().length < layout.width()) {
            errors.add(new ImportRowError(row.row(), layout.columnAt(row.cells().length), "The row ends after "
                    + row.cells().length + " of the header's " + layout.width() + " columns."));
            return Checked.rejected(errors);
        }
        ImportTarget target = target(row, errors);
        LocalDate day = read(row, DAY, errors, CellValues::date);
        if (day == null && errors.stream().noneMatch(e -> onColumn(e, DAY))) {
            errors.add(new ImportRowError(row.row(), layout.column(DAY), "The day is missing."));
        }
        LocalDate end = read(row, DAY_END, errors, CellValues::date);
        if (day != null && end != null && end.isBefore(day)) {
            errors.add(new ImportRowError(row.row(), layout.column(DAY_END), "The period ends before it starts."));
        }
        Long impressions = read(row, IMPRESSIONS, errors, t -> CellValues.whole(t, decimalComma));
        Long clicks = read(row, CLICKS, errors, t -> CellValues.whole(t, decimalComma));
        Long conversions = read(row, CONVERSIONS, errors, t -> CellValues.rounded(t, decimalComma));
        BigDecimal spend = read(row, SPEND, errors, t -> CellValues.money(t, decimalComma));
        BigDecimal revenue = read(row, REVENUE, errors, t -> CellValues.money(t, decimalComma));
        negative(row, IMPRESSIONS, impressions, errors);
        negative(row, CLICKS, clicks, errors);
        negative(row, CONVERSIONS, conversions, errors);
        negative(row, SPEND, spend == null ? null : spend.signum(), errors);
        negative(row, REVENUE, revenue == null ? null : revenue.signum(), errors);
        // an empty impressions cell is none; a bad one has its own error, and a file without the column has no rule
        boolean impressionsRead = layout.has(IMPRESSIONS) && errors.stream().noneMatch(e -> onColumn(e, IMPRESSIONS));
        if (clicks != null && clicks > zero(impressions) && impressionsRead && zero(impressions) >= 0) {
            errors.add(new ImportRowError(row.row(), layout.column(CLICKS), clicks + " clicks are more than the "
                    + zero(impressions) + " impressions."));
        }
        currency(row, errors);
        if (!errors.isEmpty()) {
            return Checked.rejected(errors);
        }
        return Checked.ok(new Line(target.assetId(), new PerformanceDay(target.useId(), day, zero(impressions),
                zero(clicks), zero(conversions), spend == null ? BigDecimal.ZERO.setScale(2) : spend,
                revenue == null ? BigDecimal.ZERO.setScale(2) : revenue)));
    }

    private ImportTarget target(SourceRow row, List<ImportRowError> errors) {
        String id = layout.cell(row, ASSET_ID);
        if (id != null) {
            UUID assetId;
            try {
                assetId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                errors.add(new ImportRowError(row.row(), layout.column(ASSET_ID), CellValues.quoted(id) + " is not an asset id."));
                return null;
            }
            ImportTarget target = byId.get(assetId);
            if (target == null) {
                errors.add(new ImportRowError(row.row(), layout.column(ASSET_ID), "No asset with the id " + id + " is in this campaign space."));
            }
            return target;
        }
        String external = layout.cell(row, EXTERNAL_ID);
        if (external != null) {
            return lookUp(row, EXTERNAL_ID, byExternalId, "x:", external, "the platform id " + external, errors);
        }
        String name = layout.cell(row, ASSET_NAME);
        if (name != null) {
            return lookUp(row, ASSET_NAME, byName, "n:", name.toLowerCase(Locale.ROOT), "the name \"" + name + "\"", errors);
        }
        ImportField column = layout.has(EXTERNAL_ID) ? EXTERNAL_ID : layout.has(ASSET_ID) ? ASSET_ID : ASSET_NAME;
        errors.add(new ImportRowError(row.row(), layout.column(column), "The row names no asset."));
        return null;
    }

    private ImportTarget lookUp(SourceRow row, ImportField field, Map<String, ImportTarget> index, String prefix,
            String key, String what, List<ImportRowError> errors) {
        if (ambiguous.contains(prefix + key)) {
            errors.add(new ImportRowError(row.row(), layout.column(field), "Several assets in this campaign space have "
                    + what + "; name the asset by its asset_id."));
            return null;
        }
        ImportTarget target = index.get(key);
        if (target == null) {
            errors.add(new ImportRowError(row.row(), layout.column(field), "No asset in this campaign space has " + what + "."));
        }
        return target;
    }

    private void currency(SourceRow row, List<ImportRowError> errors) {
        String cell = layout.cell(row, CURRENCY);
        String currency = cell != null ? cell.toUpperCase(Locale.ROOT) : layout.headerCurrency();
        ImportField column = cell != null ? CURRENCY : SPEND;
        if (currency == null || spaceCurrency == null) {
            return;
        }
        if (!currency.equals(spaceCurrency)) {
            errors.add(new ImportRowError(row.row(), layout.column(column), "The amounts are in " + currency
                    + "; the campaign space's budget is in " + spaceCurrency + "."));
        }
    }

    private <T> T read(SourceRow row, ImportField field, List<ImportRowError> errors,
            java.util.function.Function<String, T> reader) {
        String text = layout.cell(row, field);
        if (text == null) {
            return null;
        }
        try {
            return reader.apply(text);
        } catch (IllegalArgumentException e) {
            errors.add(new ImportRowError(row.row(), layout.column(field), e.getMessage() + "."));
            return null;
        }
    }

    private void negative(SourceRow row, ImportField field, Number value, List<ImportRowError> errors) {
        if (value != null && value.longValue() < 0) {
            errors.add(new ImportRowError(row.row(), layout.column(field), "Must not be negative."));
        }
    }

    private boolean onColumn(ImportRowError error, ImportField field) {
        return layout.column(field).equals(error.column());
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }

    @Override
    public void write(List<Line> rows) {
        List<PerformanceDay> days = new ArrayList<>(rows.size());
        for (Line line : rows) {
            days.add(line.day());
        }
        writer.accept(days);
    }

    @Override
    public Map<String, Object> describe(Line line) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("assetId", line.assetId());
        values.put("day", line.day().day());
        values.put("impressions", line.day().impressions());
        values.put("clicks", line.day().clicks());
        values.put("conversions", line.day().conversions());
        values.put("spend", line.day().spend());
        values.put("revenue", line.day().revenue());
        return values;
    }
}
