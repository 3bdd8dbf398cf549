package io.flightdeck.publishing.posts;

import java.time.Instant;
import java.util.UUID;

/** The time a post to an account would get, and why: shown before anything is committed. */
public record TimeAdvice(UUID accountId, Instant at, String reason) {
}
