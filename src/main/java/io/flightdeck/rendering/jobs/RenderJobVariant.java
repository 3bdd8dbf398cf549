package io.flightdeck.rendering.jobs;

import java.util.UUID;

/** One output of a job: what it is ({@code 1080×1350}, {@code video}) and its asset. */
record RenderJobVariant(String label, UUID assetId) {
}
