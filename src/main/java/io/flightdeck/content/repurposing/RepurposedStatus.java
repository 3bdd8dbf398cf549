package io.flightdeck.content.repurposing;

import java.util.Set;

/** Where a repurposed piece stands (seed 002): draft → approved → scheduled → published; approved can go back. */
public enum RepurposedStatus {
    DRAFT, APPROVED, SCHEDULED, PUBLISHED;

    public Set<RepurposedStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(APPROVED);
            case APPROVED -> Set.of(DRAFT, SCHEDULED);
            case SCHEDULED -> Set.of(APPROVED, PUBLISHED);
            case PUBLISHED -> Set.of();
        };
    }
}
