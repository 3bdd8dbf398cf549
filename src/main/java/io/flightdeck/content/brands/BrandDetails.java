package io.flightdeck.content.brands;

import java.util.List;
import java.util.UUID;

/** What a person writes about a brand; lists are cleaned (trimmed, blanks and repeats dropped) by {@link BrandRules}. */
public record BrandDetails(String name, String voice, List<String> wordsToUse, List<String> wordsToAvoid,
        List<String> hashtags, List<String> colours, String headingFont, String bodyFont, List<UUID> logoAssetIds,
        String legalFooter) {

    public BrandDetails {
        wordsToUse = wordsToUse == null ? List.of() : wordsToUse;
        wordsToAvoid = wordsToAvoid == null ? List.of() : wordsToAvoid;
        hashtags = hashtags == null ? List.of() : hashtags;
        colours = colours == null ? List.of() : colours;
        logoAssetIds = logoAssetIds == null ? List.of() : logoAssetIds;
    }
}
