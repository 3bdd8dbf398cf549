package io.flightdeck.content.creatives;

import java.util.Collection;


/** How a component's version came to be. */
enum VersionOrigin {
    /** Written by a generator (the built-in one or a model). */
    GENERATED,
    /** A person changed a generated text: the creative becomes hybrid, and the edit is never overwritten. */
    EDITED,
    /** A person wrote it (or picked the asset). */
    WRITTEN;

    boolean byPerson() {
        return this != GENERATED;
    }

    /**
     * The mode of a creative whose text parts came to be so: AI when a generator wrote every one, manual when people
     * did, hybrid when both did or a person edited a generated text.
     */
    static CreativeMode modeOf(Collection<VersionOrigin> origins) {
        boolean edited = origins.contains(EDITED);
        boolean generated = origins.contains(GENERATED);
        if (edited || generated && origins.contains(WRITTEN)) {
            return CreativeMode.HYBRID;
        }
        return generated ? CreativeMode.AI : CreativeMode.MANUAL;
    }
}
