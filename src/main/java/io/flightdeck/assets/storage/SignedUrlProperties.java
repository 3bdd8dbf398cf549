package io.flightdeck.assets.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.assets.signed-url-ttl}: how long the links from {@link BlobStore#signedUrl} live unless a caller
 * asks for less. Checked at start-up against {@link BlobStore#MAX_SIGNED_URL_TTL}, so a setting of days fails early
 * instead of at the first link.
 */
@ConfigurationProperties("flightdeck.assets")
public record SignedUrlProperties(@DefaultValue("10m") Duration signedUrlTtl) {

    public SignedUrlProperties {
        try {
            BlobStore.requireSignedUrlTtl(signedUrlTtl);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("flightdeck.assets.signed-url-ttl (FLIGHTDECK_ASSETS_SIGNED_URL_TTL): "
                    + e.getMessage(), e);
        }
    }
}
