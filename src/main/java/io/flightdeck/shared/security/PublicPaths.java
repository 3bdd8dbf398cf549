package io.flightdeck.shared.security;

import java.util.List;

/**
 * Paths a module serves without a signed-in user (sign-up, invitation links, later webhooks and tracking pixels).
 * Declared as a bean by the module that owns them; the security configuration permits them all.
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
