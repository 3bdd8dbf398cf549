package io.flightdeck.assets.imports;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetDetails;
import io.flightdeck.assets.domain.AssetRights;
import io.flightdeck.assets.domain.AssetView;

import static io.flightdeck.assets.imports.ImportField.AD_COPY;
import static io.flightdeck.assets.imports.ImportField.ASSET_NAME;
import static io.flightdeck.assets.imports.ImportField.CTA;
import static io.flightdeck.assets.imports.ImportField.DESCRIPTION;
import static io.flightdeck.assets.imports.ImportField.EXTERNAL_ID;
import static io.flightdeck.assets.imports.ImportField.HEADLINE;
import static io.flightdeck.assets.imports.ImportField.TAGS;
import static io.flightdeck.assets.imports.ImportField.TITLE;

/** A metadata row's cells; null where the row leaves the asset's value as it is. */
record MetadataCells(String name, AssetType type, String externalId, String title, String description, String adCopy,
        String headline, String cta, Set<String> tags) {

    /** A row that fills nothing: laid over an asset, it gives the details the asset holds. */
    static final MetadataCells NONE = new MetadataCells(null, null, null, null, null, null, null, null, null);

    /** The row's cells, with its type already read (the caller reports a type that is not one); tags split on , ; or |. */
    static MetadataCells read(ImportLayout layout, SourceRow row, AssetType type) {
        String tagText = layout.cell(row, TAGS);
        return new MetadataCells(layout.cell(row, ASSET_NAME), type, layout.cell(row, EXTERNAL_ID),
                layout.cell(row, TITLE), layout.cell(row, DESCRIPTION), layout.cell(row, AD_COPY),
                layout.cell(row, HEADLINE), layout.cell(row, CTA), tagText == null ? null
                        : Arrays.stream(tagText.split("[,;|]")).map(String::strip).filter(t -> !t.isEmpty())
                                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The cells over what the asset holds ({@code before} null for a new asset). */
    AssetDetails over(AssetView before, String name, AssetType type) {
        return new AssetDetails(name, type,
                externalId != null ? externalId : before == null ? null : before.externalAssetId(),
                title != null ? title : before == null ? null : before.title(),
                description != null ? description : before == null ? null : before.description(),
                adCopy != null ? adCopy : before == null ? null : before.adCopy(),
                headline != null ? headline : before == null ? null : before.headline(),
                cta != null ? cta : before == null ? null : before.ctaText(),
                tags != null ? tags : before == null ? Set.of() : before.tags(),
                before == null ? Map.of() : before.platformMetadata(),
                before == null ? Map.of() : before.platformVariants(),
                before == null ? AssetRights.none() : before.rights());
    }

    /** The cells the row fills, under the names of the asset's fields. */
    void putFilled(Map<String, Object> values) {
        putIfSet(values, "name", name);
        putIfSet(values, "type", type);
        putIfSet(values, "externalAssetId", externalId);
        putIfSet(values, "title", title);
        putIfSet(values, "description", description);
        putIfSet(values, "adCopy", adCopy);
        putIfSet(values, "headline", headline);
        putIfSet(values, "ctaText", cta);
        putIfSet(values, "tags", tags);
    }

    private static void putIfSet(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
