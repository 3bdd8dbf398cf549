package io.flightdeck.shared.webhooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One delivery as it arrived: its headers (names in lower case, the first value of each) and the body's exact bytes,
 * neither parsed nor re-serialised, because a signature covers those bytes. A controller method takes it as a
 * parameter and gets the body read up to {@code flightdeck.webhooks.max-body-size} (413 beyond).
 */
public final class WebhookRequest {

    private final Map<String, String> headers;
    private final byte[] body;

    private WebhookRequest(Map<String, String> headers, byte[] body) {
        this.headers = headers;
        this.body = body;
    }

    /** A delivery from headers of any letter case and the raw body (none is an empty body). */
    public static WebhookRequest of(Map<String, String> headers, byte[] body) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        return new WebhookRequest(Collections.unmodifiableMap(lower), body == null ? new byte[0] : body);
    }

    static WebhookRequest of(HttpServletRequest request, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaderNames().asIterator().forEachRemaining(name -> headers.put(name, request.getHeader(name)));
        return of(headers, body);
    }

    /** The header's first value, whatever the letter case of {@code name}; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every header by its lower-case name. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body exactly as received. Callers must not change the array: it is the one the signature was checked on. */
    public byte[] body() {
        return body;
    }
}
