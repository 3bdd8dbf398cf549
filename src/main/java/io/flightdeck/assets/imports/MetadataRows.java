package io.flightdeck.assets.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.ImportSource;
import io.flightdeck.assets.domain.AssetDetails;
import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetPlacement;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.assets.domain.ImportTarget;
import io.flightdeck.shared.InvalidInputException;

import static io.flightdeck.assets.imports.ImportField.AD_COPY;
import static io.flightdeck.assets.imports.ImportField.ASSET_ID;
import static io.flightdeck.assets.imports.ImportField.ASSET_NAME;
import static io.flightdeck.assets.imports.ImportField.ASSET_TYPE;
import static io.flightdeck.assets.imports.ImportField.CTA;
import static io.flightdeck.assets.imports.ImportField.DESCRIPTION;
import static io.flightdeck.assets.imports.ImportField.EXTERNAL_ID;
import static io.flightdeck.assets.imports.ImportField.HEADLINE;
import static io.flightdeck.assets.imports.ImportField.TAGS;
import static io.flightdeck.assets.imports.ImportField.TITLE;

/**
 * Metadata rows: each updates an asset of the space (matched by {@code asset_id}, else {@code external_asset_id}, else
 * name and type) or creates copy. Only the cells a row fills change an asset, so a file of tags alone is fine; a row
 * that would change nothing writes nothing, which is why importing a file twice changes nothing the second time.
 * Files cannot come from a row: a row with a file type (IMAGE, VIDEO, ...) that matches no asset is refused.
 */
final class MetadataRows implements ImportRows<MetadataRows.Change> {

    /**
     * What a row does: update {@code assetId}, or the asset an earlier row of this import creates under
     * {@code plannedKey}, or create one (registering it under {@code keys}).
     */
    record Change(long row, MetadataCells cells, UUID assetId, String plannedKey, List<String> keys) {

        boolean creates() {
            return assetId == null && plannedKey == null;
        }
    }

    /** The detail fields {@link InvalidInputException} names, and the field each comes from in a file. */
    private static final Map<String, ImportField> DETAIL_FIELDS = Map.of("name", ASSET_NAME, "title", TITLE,
            "description", DESCRIPTION, "adCopy", AD_COPY, "headline", HEADLINE, "ctaText", CTA,
            "externalAssetId", EXTERNAL_ID, "tags", TAGS);

    private final ImportLayout layout;
    private final AssetLibrary library;
    private final AssetLookup lookup;
    private final AssetPlacement placement;
    private final Map<UUID, ImportTarget> byId = new HashMap<>();
    private final Map<String, ImportTarget> byKey = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();
    /** Keys of assets rows of this import create, with their type; the ids once written. */
    private final Map<String, AssetType> planned = new HashMap<>();
    private final Map<String, UUID> created = new HashMap<>();

    MetadataRows(ImportLayout layout, AssetLibrary library, AssetLookup lookup, AssetPlacement placement,
            List<ImportTarget> targets) {
        this.layout = layout;
        this.library = library;
        this.lookup = lookup;
        this.placement = placement;
        for (ImportTarget t : targets) {
            byId.put(t.assetId(), t);
            for (String key : keys(t.externalAssetId(), t.name(), t.type())) {
                ImportTarget before = byKey.putIfAbsent(key, t);
                if (before != null && !before.assetId().equals(t.assetId())) {
                    ambiguous.add(key);
                }
            }
        }
    }

    /** Metadata comes in the seed's columns, and a row must be able to name an asset. */
    static void requireColumns(ImportLayout layout) {
        if (layout.format() != ImportFormat.SEED) {
            throw new ImportFileException(layout.headerRow(), "This is a " + layout.format() + " export, which holds "
                    + "performance; import asset details with the seed's columns (asset_name, asset_type, "
                    + "external_asset_id, title, description, ad_copy_text, headline_text, cta_text, tags).");
        }
    }

    private static List<String> keys(String externalId, String name, AssetType type) {
        List<String> keys = new ArrayList<>(2);
        if (externalId != null) {
            keys.add("x:" + externalId);
        }
        if (name != null && type != null) {
            keys.add("n:" + type + ":" + name.strip().toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    @Override
    public Checked<Change> check(SourceRow row) {
        List<ImportRowError> errors = new ArrayList<>(2);
        if (row.cells().length < layout.width()) {
            errors.add(new ImportRowError(row.row(), layout.columnAt(row.cells().length), "The row ends after "
                    + row.cells().length + " of the header's " + layout.width() + " columns."));
            return Checked.rejected(errors);
        }
        AssetType type = type(row, errors);
        MetadataCells cells = MetadataCells.read(layout, row, type);
        if (!errors.isEmpty()) {
            return Checked.rejected(errors);
        }
        Change change = match(row, cells, errors);
        if (!errors.isEmpty()) {
            return Checked.rejected(errors);
        }
        AssetType effectiveType = type != null ? type : change.assetId() != null ? byId.get(change.assetId()).type()
                : change.plannedKey() != null ? planned.get(change.plannedKey()) : null;
        if (change.creates()) {
            creatable(row, cells, errors);
        } else if (type != null && type.isCopy() != typeBefore(change).isCopy()) {
            errors.add(new ImportRowError(row.row(), layout.column(ASSET_TYPE), typeBefore(change).isCopy()
                    ? "The asset is copy; it cannot become a file (" + type + "). Upload the file as a new asset."
                    : "The asset is a file; it cannot become copy (" + type + "). Import the copy under another id."));
        }
        if (errors.isEmpty()) {
            try {
                library.checkDetails(cells.over(null, cells.name() != null ? cells.name() : "unchanged", effectiveType));
            } catch (InvalidInputException e) {
                errors.add(new ImportRowError(row.row(), layout.column(DETAIL_FIELDS.getOrDefault(e.field(), ASSET_NAME)),
                        e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            return Checked.rejected(errors);
        }
        if (change.creates()) {
            change.keys().forEach(key -> planned.put(key, cells.type()));
        }
        return Checked.ok(change);
    }

    private AssetType type(SourceRow row, List<ImportRowError> errors) {
        String text = layout.cell(row, ASSET_TYPE);
        if (text == null) {
            return null;
        }
        try {
            return AssetType.valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new ImportRowError(row.row(), layout.column(ASSET_TYPE), CellValues.quoted(text)
                    + " is not an asset type: " + Arrays.stream(AssetType.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + "."));
            return null;
        }
    }

    private Change match(SourceRow row, MetadataCells cells, List<ImportRowError> errors) {
        String id = layout.cell(row, ASSET_ID);
        if (id != null) {
            try {
                ImportTarget target = byId.get(UUID.fromString(id));
                if (target != null) {
                    return live(row, target, cells, errors);
                }
                errors.add(new ImportRowError(row.row(), layout.column(ASSET_ID), "No asset with the id " + id
                        + " is in this campaign space."));
            } catch (IllegalArgumentException e) {
                errors.add(new ImportRowError(row.row(), layout.column(ASSET_ID), CellValues.quoted(id) + " is not an asset id."));
            }
            return null;
        }
        List<String> keys = keys(cells.externalId(), cells.name(), cells.type());
        if (keys.isEmpty()) {
            errors.add(new ImportRowError(row.row(), layout.column(cells.name() == null ? ASSET_NAME : ASSET_TYPE),
                    "The row names no asset: give external_asset_id, or asset_name with asset_type."));
            return null;
        }
        // the platform's id first; name and type find an asset that has no platform id yet (or the same one)
        for (String key : keys) {
            if (ambiguous.contains(key)) {
                errors.add(new ImportRowError(row.row(), layout.column(key.startsWith("x:") ? EXTERNAL_ID : ASSET_NAME),
                        "Several assets in this campaign space match; name the asset by its asset_id."));
                return null;
            }
            ImportTarget target = byKey.get(key);
            if (target != null && (key.startsWith("x:") || target.externalAssetId() == null
                    || target.externalAssetId().equals(cells.externalId()))) {
                return live(row, target, cells, errors);
            }
            if (planned.containsKey(key)) {
                return new Change(row.row(), cells, null, key, List.of());
            }
        }
        return new Change(row.row(), cells, null, null, keys);
    }

    private Change live(SourceRow row, ImportTarget target, MetadataCells cells, List<ImportRowError> errors) {
        if (target.archived()) {
            errors.add(new ImportRowError(row.row(), null, "The asset \"" + target.name()
                    + "\" is archived; restore it before importing its details."));
        }
        return new Change(row.row(), cells, target.assetId(), null, List.of());
    }

    private AssetType typeBefore(Change change) {
        return change.assetId() != null ? byId.get(change.assetId()).type() : planned.get(change.plannedKey());
    }

    private void creatable(SourceRow row, MetadataCells cells, List<ImportRowError> errors) {
        if (cells.type() == null) {
            errors.add(new ImportRowError(row.row(), layout.column(ASSET_TYPE), "No asset in this campaign space "
                    + "matches the row, and creating one needs its asset_type."));
            return;
        }
        if (!cells.type().isCopy()) {
            errors.add(new ImportRowError(row.row(), layout.column(ASSET_TYPE), "No " + cells.type() + " in this "
                    + "campaign space matches the row, and a file cannot come from a CSV row: upload the file first, "
                    + "then import its details."));
            return;
        }
        if (cells.name() == null) {
            errors.add(new ImportRowError(row.row(), layout.column(ASSET_NAME), "Creating an asset needs its asset_name."));
        }
        ImportField textField = switch (cells.type()) {
            case AD_COPY -> AD_COPY;
            case HEADLINE -> HEADLINE;
            case CALL_TO_ACTION -> CTA;
            default -> DESCRIPTION;
        };
        String text = switch (textField) {
            case AD_COPY -> cells.adCopy();
            case HEADLINE -> cells.headline();
            case CTA -> cells.cta();
            default -> cells.description();
        };
        if (text == null) {
            errors.add(new ImportRowError(row.row(), layout.column(textField), "A " + cells.type() + " needs its text in "
                    + layout.column(textField) + "."));
        }
    }

    @Override
    public void write(List<Change> rows) {
        Set<UUID> existing = new HashSet<>();
        rows.stream().map(Change::assetId).filter(java.util.Objects::nonNull).forEach(existing::add);
        Map<UUID, AssetView> current = new HashMap<>(lookup.getAll(existing));
        for (Change change : rows) {
            UUID id = change.assetId() != null ? change.assetId() : change.plannedKey() != null ? created.get(change.plannedKey()) : null;
            if (id == null) {
                MetadataCells c = change.cells();
                AssetView made = library.createCopy(c.over(null, c.name(), c.type()), placement, ImportSource.CSV_IMPORT);
                change.keys().forEach(key -> created.put(key, made.id()));
                current.put(made.id(), made);
                continue;
            }
            AssetView before = current.containsKey(id) ? current.get(id) : lookup.get(id);
            MetadataCells c = change.cells();
            AssetDetails now = library.checkDetails(c.over(before, c.name() != null ? c.name() : before.name(),
                    c.type() != null ? c.type() : before.type()));
            if (!now.equals(library.checkDetails(MetadataCells.NONE.over(before, before.name(), before.type())))) {
                current.put(id, library.update(id, now, null));
            }
        }
    }

    @Override
    public Map<String, Object> describe(Change change) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("action", change.creates() ? "CREATE" : "UPDATE");
        if (change.assetId() != null) {
            values.put("assetId", change.assetId());
        }
        change.cells().putFilled(values);
        return values;
    }
}
