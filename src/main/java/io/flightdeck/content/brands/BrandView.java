package io.flightdeck.content.brands;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;


/** A brand as the API answers it. */
public record BrandView(UUID id, String name, @Nullable String voice, List<String> wordsToUse,
        List<String> wordsToAvoid, List<String> hashtags, List<String> colours, @Nullable String headingFont,
        @Nullable String bodyFont, List<UUID> logoAssetIds, String legalFooter, boolean isDefault, boolean archived,
        Instant createdAt, Instant updatedAt, long version) {

    public BrandVoice voiceForGeneration() {
        return new BrandVoice(name, voice, wordsToUse, wordsToAvoid, hashtags, legalFooter);
    }
}
