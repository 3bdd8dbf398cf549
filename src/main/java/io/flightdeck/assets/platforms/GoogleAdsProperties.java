package io.flightdeck.assets.platforms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.ad-platforms.google-ads.*}: where the Google Ads API and Google's token endpoint are, and which
 * API version is called (Google retires a version about a year after its release).
 */
@ConfigurationProperties("flightdeck.ad-platforms.google-ads")
record GoogleAdsProperties(@DefaultValue("https://googleads.googleapis.com") URI apiUrl,
        @DefaultValue("v26") String version, @DefaultValue("https://oauth2.googleapis.com/token") URI tokenUrl,
        @DefaultValue("PT60S") Duration timeout) {
}
