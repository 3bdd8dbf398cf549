package io.flightdeck.publishing.posts;

import java.time.Instant;

/** One line of a channel post's history; {@code level} is info, warn or error. */
public record PostLogLine(Instant at, String level, String message) {
}
