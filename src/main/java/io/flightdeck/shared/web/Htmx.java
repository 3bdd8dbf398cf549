package io.flightdeck.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** One controller method serves a full page, or on an htmx request just the fragment. */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** {@code page} for a full load, {@code page :: fragment} for htmx. */
    public static String view(HttpServletRequest request, String page, String fragment) {
        return isHtmx(request) ? page + " :: " + fragment : page;
    }
}
