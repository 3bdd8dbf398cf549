package io.flightdeck.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.storage.SignedUrlProperties;

/** The signed URL lifetime: ten minutes unless set, and a setting beyond the hour stops the start. */
class SignedUrlPropertiesTests {

    private static SignedUrlProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("flightdeck.assets", SignedUrlProperties.class);
    }

    @Test
    void tenMinutesUnlessSet() {
        assertThat(bind(Map.of()).signedUrlTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(bind(Map.of("flightdeck.assets.signed-url-ttl", "45m")).signedUrlTtl()).isEqualTo(Duration.ofMinutes(45));
        assertThat(bind(Map.of("flightdeck.assets.signed-url-ttl", "60m")).signedUrlTtl()).isEqualTo(BlobStore.MAX_SIGNED_URL_TTL);
    }

    @Test
    void moreThanAnHourOrNothingAtAllDoesNotStart() {
        for (String ttl : new String[] {"61m", "7d", "0s"}) {
            assertThatThrownBy(() -> bind(Map.of("flightdeck.assets.signed-url-ttl", ttl))).as(ttl)
                    .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60 minutes");
            assertThatThrownBy(() -> bind(Map.of("flightdeck.assets.signed-url-ttl", ttl))).as(ttl)
                    .hasStackTraceContaining("flightdeck.assets.signed-url-ttl (FLIGHTDECK_ASSETS_SIGNED_URL_TTL)");
        }
    }
}
