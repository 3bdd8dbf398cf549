package io.flightdeck.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links that leave the app (invitation links, email links, webhooks): under {@code FLIGHTDECK_BASE_URL} when
 * set, else under the address the current request came in on, else (a job, with no request) this node's own
 * address on localhost, which is right on a laptop and why a server sets the base URL.
 */
@Component
public class PublicUrls {

    private final String baseUrl;
    private final Environment environment;

    PublicUrls(@Value("${flightdeck.base-url:}") String baseUrl, Environment environment) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.environment = environment;
    }

    public String of(String path) {
        if (!baseUrl.isBlank()) {
            return baseUrl + path;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + path;
    }
}
