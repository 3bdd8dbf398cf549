package io.flightdeck.shared.webhooks;

/**
 * A delivery that is not verifiably from its sender: a bad or missing signature, a stale timestamp, no secret
 * configured. Answered 401 with the problem type {@code webhook-signature}, before anything is read or written.
 */
public class WebhookRejectedException extends RuntimeException {

    public WebhookRejectedException(String message) {
        super(message);
    }
}
