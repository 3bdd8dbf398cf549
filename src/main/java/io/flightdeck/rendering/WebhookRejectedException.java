package io.flightdeck.rendering;

/** A webhook that is not verifiably from the provider (bad or missing signature, stale timestamp): answered 401. */
public class WebhookRejectedException extends RuntimeException {

    public WebhookRejectedException(String message) {
        super(message);
    }
}
