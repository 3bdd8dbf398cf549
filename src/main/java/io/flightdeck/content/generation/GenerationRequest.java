package io.flightdeck.content.generation;

import io.flightdeck.campaigns.Channel;
import java.util.Objects;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;
import io.flightdeck.content.brands.BrandVoice;

/**
 * One piece of text to write.
 *
 * @param channel    where it will appear; its limits bound the text ({@link PlatformLimits}); null for no channel
 * @param sourceText for {@link TextKind#REPURPOSE}: the long text to turn into a post; otherwise null
 * @param seed       the same request with the same seed gives the same text from the built-in generator (and asks an
 *                   LLM for its most likely answer); a different seed gives a variation
 * @param provider   the provider to use, e.g. {@code built-in}, {@code anthropic}, {@code openai}; null for the
 *                   workspace's default
 * @param model      the provider's model; null for the workspace's default for that provider
 */
public record GenerationRequest(TextKind kind, Channel channel, ContentBrief brief, BrandVoice brand, String sourceText,
        long seed, String provider, String model) {

    public GenerationRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(brief, "brief");
        brand = brand == null ? BrandVoice.none() : brand;
    }

    public GenerationRequest withSeed(long newSeed) {
        return new GenerationRequest(kind, channel, brief, brand, sourceText, newSeed, provider, model);
    }
}
