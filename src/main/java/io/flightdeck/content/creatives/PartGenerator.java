package io.flightdeck.content.creatives;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.brands.BrandVoice;
import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.generation.ContentGenerator;
import io.flightdeck.content.generation.GeneratedText;
import org.springframework.stereotype.Component;

/**
 * Asks the workspace's generator for one text part of a creative, with a seed it keeps, so the version records how to
 * write the same text again. Nothing is written here: a creative is changed only after every part it needs was
 * generated, so a generator that fails leaves nothing half-saved.
 */
@Component
class PartGenerator {

    private final CreativeBriefs briefs;
    private final ContentGenerator generator;

    PartGenerator(CreativeBriefs briefs, ContentGenerator generator) {
        this.briefs = briefs;
        this.generator = generator;
    }

    /** @param seed null for a new random one */
    Generated generate(ComponentKind kind, Set<Channel> channels, ContentBrief brief, BrandVoice brand, Long seed,
            String provider, String model) {
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        return new Generated(generator.generate(briefs.request(kind, channels, brief, brand, s, provider, model)), s);
    }

    /** A generator's text and the seed it was written with. */
    record Generated(GeneratedText text, long seed) {

        Authorship by(UUID actor) {
            return Authorship.generator(text, seed, actor);
        }
    }
}
