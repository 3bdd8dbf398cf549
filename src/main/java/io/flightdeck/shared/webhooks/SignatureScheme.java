package io.flightdeck.shared.webhooks;

/**
 * How one sender signs its deliveries. A scheme checks the raw request (headers and the body's exact bytes) and
 * throws {@link WebhookRejectedException} saying why when it does not verify; it never parses the body first.
 * Secrets are compared in constant time.
 * <p>
 * The schemes here: {@link StandardWebhooksScheme} (Replicate, and any sender of the Standard Webhooks spec),
 * {@link HmacHeaderScheme} (Slack, Meta), {@link EcdsaHeaderScheme} (SendGrid) and {@link BasicAuthScheme} (Mailjet).
 */
public interface SignatureScheme {

    void verify(WebhookRequest request);
}
