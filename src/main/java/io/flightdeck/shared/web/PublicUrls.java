package io.flightdeck.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links that leave the app (invitation links, later email links and webhooks): under
 * {@code FLIGHTDECK_BASE_URL} when set, else under the address the current request came in on.
 */
@Component
public class PublicUrls {

    private final String baseUrl;

    PublicUrls(@Value("${flightdeck.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String of(String path) {
        return baseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString() : baseUrl + path;
    }
}
