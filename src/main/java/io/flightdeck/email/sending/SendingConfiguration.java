package io.flightdeck.email.sending;

import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.shared.links.LinkKeys;
import io.flightdeck.shared.security.CsrfExemptPaths;
import io.flightdeck.shared.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing key of email links, and the links (unsubscribe, click, open) served without a session. */
@Configuration(proxyBeanMethods = false)
class SendingConfiguration {

    @Bean
    TrackingLinks trackingLinks(LinkKeys keys) {
        return new TrackingLinks(keys.tokens(TrackingLinks.KEY_PURPOSE));
    }

    @Bean
    PublicPaths unsubscribeLinkPaths() {
        return PublicPaths.of(TrackingLinks.UNSUBSCRIBE_PATH + "**", TrackingLinks.CLICK_PATH + "**",
                TrackingLinks.OPEN_PATH + "**");
    }

    /** A mail client's one-click POST carries the signed token, never a session or a CSRF token (RFC 8058). */
    @Bean
    CsrfExemptPaths unsubscribeLinkPosts() {
        return CsrfExemptPaths.of(TrackingLinks.UNSUBSCRIBE_PATH + "**");
    }
}
