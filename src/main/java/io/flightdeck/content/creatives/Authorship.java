package io.flightdeck.content.creatives;

import java.util.UUID;

import io.flightdeck.content.generation.GeneratedText;

/** Who wrote a version: a person ({@code authorId}) or a generator (provider, model, prompt version, seed). */
record Authorship(UUID authorId, String provider, String model, String promptVersion, Long seed) {

    static Authorship person(UUID authorId) {
        return new Authorship(authorId, null, null, null, null);
    }

    /** A generator's text, asked for by a person (or by the system when {@code requestedBy} is null). */
    static Authorship generator(GeneratedText text, long seed, UUID requestedBy) {
        return new Authorship(requestedBy, text.provider(), text.model(), text.promptVersion(), seed);
    }
}
