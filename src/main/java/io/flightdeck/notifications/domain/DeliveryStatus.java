package io.flightdeck.notifications.domain;

/**
 * Where one notification stands on one outside channel. QUEUED: written, not tried yet. SENDING: an attempt began
 * (committed before the call). SENT. FAILED: the last attempt failed and another is due. DEAD: no more attempts
 * (the retries ran out or the address was refused); a person may retry it.
 */
public enum DeliveryStatus {
    QUEUED, SENDING, SENT, FAILED, DEAD
}
