package io.flightdeck.rendering.remote;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.rendering.replicate.*}: the Replicate account renders go to. Without a token the provider is
 * listed but cannot be chosen.
 *
 * @param webhookSecret     the account's webhook signing secret ({@code whsec_…}, from
 *                          {@code GET /v1/webhooks/default/secret}); webhooks are refused without it
 * @param webhookTolerance  how far a webhook's timestamp may be from now before it is refused as stale (replays)
 */
@ConfigurationProperties("flightdeck.rendering.replicate")
record ReplicateProperties(String apiToken, @DefaultValue("https://api.replicate.com") URI baseUrl,
        @DefaultValue("black-forest-labs/flux-schnell") String model, String webhookSecret,
        @DefaultValue("PT30S") Duration timeout, @DefaultValue("PT5M") Duration webhookTolerance) {
}
