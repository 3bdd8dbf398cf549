package io.flightdeck.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** One controller method serves a full page, or on an htmx request just the fragment. */
public final class Htmx {

    private Htmx() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** A full page render: a view that is not a redirect, outside htmx. Interceptors add the shell's model to these. */
    public static boolean isFullPage(HttpServletRequest request, org.springframework.web.servlet.ModelAndView view) {
        return view != null && view.getViewName() != null && !view.getViewName().startsWith("redirect:") && !isHtmx(request);
    }

    /** The request's query string without its {@code page} parameter, for building the pager's links. */
    public static String queryWithoutPage(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? "" : query.replaceAll("(^|&)page=\\d+", "").replaceAll("^&", "");
    }

    /**
     * Adds an event to the response's {@code HX-Trigger} header, keeping the {@code fd:changed} that
     * {@link ChangeSignal} put there for writes.
     */
    public static void trigger(jakarta.servlet.http.HttpServletResponse response, String event) {
        String current = response.getHeader("HX-Trigger");
        response.setHeader("HX-Trigger", current == null || current.isBlank() ? event : current + ", " + event);
    }

    /** {@code page} for a full load, {@code page :: fragment} for htmx. */
    public static String view(HttpServletRequest request, String page, String fragment) {
        return isHtmx(request) ? page + " :: " + fragment : page;
    }
}
