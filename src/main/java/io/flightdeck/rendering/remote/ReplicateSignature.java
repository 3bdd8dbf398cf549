package io.flightdeck.rendering.remote;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.webhooks.ReplayWindow;
import io.flightdeck.shared.webhooks.StandardWebhooksScheme;
import io.flightdeck.shared.webhooks.WebhookRejectedException;
import io.flightdeck.shared.webhooks.WebhookRequest;

/**
 * Replicate's webhook signatures: the Standard Webhooks scheme of the webhook kit, keyed with the account's secret
 * ({@code whsec_…}), with the configured replay window. Without a secret every delivery is refused.
 */
class ReplicateSignature {

    private final StandardWebhooksScheme scheme;

    ReplicateSignature(String secret, Duration tolerance, Clock clock) {
        this.scheme = secret == null || secret.isBlank() ? null
                : new StandardWebhooksScheme(List.of(secret), new ReplayWindow(tolerance, clock));
    }

    /** Checks the delivery; throws {@link WebhookRejectedException} saying why it is refused. */
    void verify(Map<String, String> headers, byte[] body) {
        if (scheme == null) {
            throw new WebhookRejectedException("No Replicate webhook secret is configured here, so no delivery can be verified");
        }
        scheme.verify(WebhookRequest.of(headers, body));
    }

    /** The base64 signature of a delivery (what Replicate sends after {@code v1,}), for tests and the fake. */
    String sign(String id, long timestamp, byte[] body) {
        return scheme.sign(id, timestamp, body).substring("v1,".length());
    }
}
