package io.flightdeck.content.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.content.brands.BrandDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A brand's details; lists replace what the brand had. */
record ContentBrandRequest(
        @Schema(example = "Northwind Coffee") @NotBlank @Size(max = 120) String name,
        @Schema(example = "Warm, plain and a little wry; we talk like a good barista, never like a brochure.")
        @Size(max = 2000) String voice,
        @Schema(example = "[\"freshly roasted\", \"neighbourhood\"]") @Size(max = 50) List<String> wordsToUse,
        @Schema(example = "[\"cheap\", \"synergy\"]") @Size(max = 50) List<String> wordsToAvoid,
        @Schema(example = "[\"#NorthwindCoffee\", \"#SlowMornings\"]") @Size(max = 30) List<String> hashtags,
        @Schema(example = "[\"#3b2416\", \"#f4e9dc\"]") @Size(max = 12) List<String> colours,
        @Schema(example = "Fraunces") @Size(max = 80) String headingFont,
        @Schema(example = "Inter") @Size(max = 80) String bodyFont,
        @Schema(example = "[]") @Size(max = 5) List<UUID> logoAssetIds,
        @Schema(example = "Offer ends 31 December. Terms at northwind.example/terms.") @Size(max = 1000)
        String legalFooter) {

    BrandDetails toDetails() {
        return new BrandDetails(name, voice, wordsToUse, wordsToAvoid, hashtags, colours, headingFont, bodyFont,
                logoAssetIds, legalFooter);
    }
}
