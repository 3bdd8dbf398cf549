package io.flightdeck.shared.links;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links that leave the app (invitation links, email links, webhooks): under {@code FLIGHTDECK_BASE_URL} when
 * set, else under the address the current request came in on.
 */
@Component
public class PublicUrls {

    private final String baseUrl;
    private final Environment environment;

    PublicUrls(@Value("${flightdeck.base-url:}") String baseUrl, Environment environment) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.environment = environment;
    }

    /** Outside a request without the base URL this fails: a link that must be right (a signed download) says so. */
    public String of(String path) {
        return baseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString() : baseUrl + path;
    }

    /**
     * The same, but outside a request without the base URL this node's own address on localhost: right on a laptop,
     * good enough for a link in an email (which says where to look), and why a server sets the base URL.
     */
    public String ofOrLocal(String path) {
        if (!baseUrl.isBlank() || RequestContextHolder.getRequestAttributes() != null) {
            return of(path);
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + path;
    }
}
