package io.flightdeck.content.creatives;

import java.util.UUID;

/** A creative a newer strategy version left behind, as readiness names it. */
record StaleCreative(UUID id, String title) {
}
