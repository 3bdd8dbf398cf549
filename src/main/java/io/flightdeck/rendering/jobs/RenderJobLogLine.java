package io.flightdeck.rendering.jobs;

import java.time.Instant;

/** One line of a job's log; {@code level} is info, warn, error, or provider for what the provider logged. */
public record RenderJobLogLine(Instant at, String level, String message) {
}
