package io.flightdeck.rendering.remote;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.rendering.runway.*}: the Runway account videos go to. Without a key the provider is listed but
 * cannot be chosen.
 *
 * @param apiVersion the {@code X-Runway-Version} every request names
 */
@ConfigurationProperties("flightdeck.rendering.runway")
record RunwayProperties(String apiKey, @DefaultValue("https://api.dev.runwayml.com") URI baseUrl,
        @DefaultValue("gen4_turbo") String model, @DefaultValue("2024-11-06") String apiVersion,
        @DefaultValue("PT30S") Duration timeout) {
}
