package io.flightdeck.assets.imports;

import java.util.EnumSet;
import java.util.Set;

/** What a column means, whatever the file calls it; each {@link ImportFormat} maps its header names onto these. */
enum ImportField {
    ASSET_ID, EXTERNAL_ID, ASSET_NAME, ASSET_TYPE, TITLE, DESCRIPTION, AD_COPY, HEADLINE, CTA, TAGS,
    DAY, DAY_END, IMPRESSIONS, CLICKS, CONVERSIONS, SPEND, REVENUE, CURRENCY;

    static final Set<ImportField> IDENTIFIERS = EnumSet.of(ASSET_ID, EXTERNAL_ID, ASSET_NAME);
    static final Set<ImportField> METRICS = EnumSet.of(IMPRESSIONS, CLICKS, CONVERSIONS, SPEND, REVENUE);
}
