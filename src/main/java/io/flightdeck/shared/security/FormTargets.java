package io.flightdeck.shared.security;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Origins outside the application that a form of ours leads to: an OAuth consent page that a POST (with its CSRF
 * token) redirects to. Browsers hold a form's redirects to the Content-Security-Policy's {@code form-action}, which
 * lists {@code 'self'} and these. Declared as a bean by the module that owns the form.
 */
public record FormTargets(List<String> origins) {

    /** The origins (scheme, host and port) of the given addresses; a relative or empty one is left out. */
    public static FormTargets of(URI... addresses) {
        return new FormTargets(Arrays.stream(addresses)
                .filter(uri -> uri != null && uri.getScheme() != null && uri.getHost() != null)
                .map(uri -> uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))
                .toList());
    }
}
