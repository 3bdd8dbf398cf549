package io.flightdeck.notifications.web;

import io.flightdeck.notifications.domain.AbsoluteLinks;
import io.flightdeck.shared.links.PublicUrls;
import org.springframework.stereotype.Component;

/** Email links under the installation's public address ({@code FLIGHTDECK_BASE_URL}). */
@Component
class PublicAbsoluteLinks implements AbsoluteLinks {

    private final PublicUrls urls;

    PublicAbsoluteLinks(PublicUrls urls) {
        this.urls = urls;
    }

    @Override
    public String of(String path) {
        return urls.ofOrLocal(path);
    }
}
