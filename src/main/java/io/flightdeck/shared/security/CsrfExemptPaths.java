package io.flightdeck.shared.security;

import java.util.List;

/**
 * Public pages whose POST comes from outside any page of ours, so it cannot carry a CSRF token: a mail client's
 * one-click unsubscribe (RFC 8058). Each must authorise the request by something in it (a signed token), never by a
 * session. Declared as a bean by the module that owns them.
 */
public record CsrfExemptPaths(List<String> patterns) {

    public static CsrfExemptPaths of(String... patterns) {
        return new CsrfExemptPaths(List.of(patterns));
    }
}
