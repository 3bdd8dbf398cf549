package io.flightdeck.assets.platforms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code flightdeck.ad-platforms.meta.*}: where Meta's Graph API is and which version the insights are read from. */
@ConfigurationProperties("flightdeck.ad-platforms.meta")
record MetaAdsProperties(@DefaultValue("https://graph.facebook.com") URI apiUrl, @DefaultValue("v24.0") String version,
        @DefaultValue("PT60S") Duration timeout) {
}
