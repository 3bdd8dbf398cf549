package io.flightdeck.content.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.creatives.CreativeMode;
import io.flightdeck.content.creatives.CreativeDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the creatives API, named for springdoc's schemas. */
final class ContentCreativeRequests {

    private ContentCreativeRequests() {
    }

    record ContentCreativeRequest(
            @Schema(example = "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b") @NotNull UUID campaignId,
            @Schema(example = "Spring teaser") @NotBlank @Size(max = 200) String title,
            @Schema(example = "Our new single-origin Ethiopian roast, out 1 March") @Size(max = 1000) String topic,
            @Schema(example = "[\"INSTAGRAM\", \"LINKEDIN\"]") @Size(max = 9) Set<Channel> channels,
            @Schema(example = "AI") CreativeMode mode,
            @Schema(example = "{}") Map<ComponentKind, @Size(max = 10000) String> texts,
            @Schema(description = "An image of the library for the image part", nullable = true) UUID imageAssetId,
            @Schema(description = "A video of the library for the video part", nullable = true) UUID videoAssetId,
            @Schema(example = "built-in") @Size(max = 40) String provider,
            @Schema(description = "The provider's model; its default when left out", nullable = true) @Size(max = 120)
            String model) {

        CreativeDraft toDraft() {
            return new CreativeDraft(campaignId, title, topic, channels, mode, texts, imageAssetId, videoAssetId,
                    provider, model);
        }
    }

    record ContentCreativeUpdate(@Schema(example = "Spring teaser") @NotBlank @Size(max = 200) String title,
            @Schema(example = "Our new single-origin Ethiopian roast") @Size(max = 1000) String topic,
            @Schema(example = "[\"INSTAGRAM\"]") @NotNull @Size(min = 1, max = 9) Set<Channel> channels) {
    }

    /** A text part's text, or the asset of the image or video part. */
    record ContentComponentWrite(@Schema(example = "Slow mornings, better coffee.") @Size(max = 10000) String text,
            @Schema(description = "For image and video: an asset of the library", nullable = true) UUID assetId) {
    }

    record ContentRegenerateRequest(@Schema(example = "built-in") @Size(max = 40) String provider,
            @Schema(description = "The provider's model; its default when left out", nullable = true) @Size(max = 120)
            String model,
            @Schema(example = "42", description = "the same seed asks for the same text again") Long seed) {
    }
}
