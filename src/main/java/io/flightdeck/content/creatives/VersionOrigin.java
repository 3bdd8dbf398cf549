package io.flightdeck.content.creatives;

/** How a component's version came to be. */
public enum VersionOrigin {
    /** Written by a generator (the built-in one or a model). */
    GENERATED,
    /** A person changed a generated text: the creative becomes hybrid, and the edit is never overwritten. */
    EDITED,
    /** A person wrote it (or picked the asset). */
    WRITTEN;

    boolean byPerson() {
        return this != GENERATED;
    }
}
