package io.flightdeck.shared.health;

import org.jspecify.annotations.Nullable;

/**
 * One part of Flightdeck a person can check and mend, as the system status page and the monitoring API show it.
 *
 * @param key    stable within its kind, for links and alert rules: {@code channel-account:<id>}, {@code database}
 * @param name   what people call it: "Instagram account @acme", "Database"
 * @param kind   the group it is shown in: "Channel accounts", "AI providers", "Platform"
 * @param state  how it is doing now
 * @param detail what was seen, in words (never a secret), or null when there is nothing to say
 * @param link   the page where it is mended, or null
 */
public record ComponentHealth(String key, String name, String kind, HealthState state, @Nullable String detail,
        @Nullable String link) {
}
