package io.flightdeck.assets.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetDetails;
import io.flightdeck.assets.domain.AssetRights;
import io.flightdeck.campaigns.Channel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An asset's details: the body of an update (PUT replaces them all) and of creating copy, which may also name the
 * campaign or space it goes into.
 */
record AssetRequest(
        @Schema(description = "Only when creating copy: the space it goes into", example = "01a20264-4f1b-71fb-8235-0871f90ae023") UUID spaceId,
        @Schema(description = "Only when creating copy: the campaign it goes into (the space's, when a space is named)",
                example = "01a20264-4f1b-71fb-8235-0871f90ae024") UUID campaignId,
        @Schema(example = "Summer hero banner") @NotBlank @Size(max = 255) String name,
        @Schema(description = "Files keep a file type; copy is AD_COPY, HEADLINE, DESCRIPTION or CALL_TO_ACTION", example = "HEADLINE")
        @NotNull AssetType type,
        @Schema(description = "The asset's id on the ad platform", example = "684512339") @Size(max = 200) String externalAssetId,
        @Schema(example = "Main summer banner") @Size(max = 300) String title,
        @Schema(example = "Beach scene with the sale's headline") @Size(max = 4000) String description,
        @Schema(example = "Everything for the beach, up to 40 % off until Sunday.") @Size(max = 10000) String adCopy,
        @Schema(example = "Summer sale: up to 40 % off") @Size(max = 300) String headline,
        @Schema(example = "Shop the sale") @Size(max = 120) String ctaText,
        @Schema(example = "[\"summer\",\"hero\"]") @Size(max = 20) Set<@Size(max = 60) String> tags,
        @Schema(description = "Free-form data from the ad platform", example = "{\"placement\":\"feed\"}") Map<String, Object> platformMetadata,
        @Schema(description = "Free-form variants per platform", example = "{\"meta\":{\"aspect\":\"4:5\"}}") Map<String, Object> platformVariants,
        @Valid AssetRightsRequest rights) {

    /** Usage rights; named for the module so the API document has one schema of each. */
    record AssetRightsRequest(@Schema(example = "Royalty-free, commercial use") @Size(max = 200) String licence,
            @Schema(description = "Who owns the rights", example = "Northwind Studio") @Size(max = 200) String holder,
            @Schema(description = "How to credit", example = "Photo: J. Doe / Northwind Studio") @Size(max = 300) String credit,
            @Schema(description = "The last day the asset may be used", example = "2027-12-31") LocalDate expiresOn,
            @Schema(description = "Channels the licence allows; empty: every channel", example = "[\"INSTAGRAM\",\"FACEBOOK\"]")
            Set<Channel> allowedChannels) {
    }

    AssetDetails toDetails() {
        AssetRights r = rights == null ? AssetRights.none()
                : new AssetRights(rights.licence(), rights.holder(), rights.credit(), rights.expiresOn(),
                        rights.allowedChannels() == null ? Set.of() : rights.allowedChannels());
        return new AssetDetails(name, type, externalAssetId, title, description, adCopy, headline, ctaText,
                tags == null ? Set.of() : tags, platformMetadata == null ? Map.of() : platformMetadata,
                platformVariants == null ? Map.of() : platformVariants, r);
    }
}
