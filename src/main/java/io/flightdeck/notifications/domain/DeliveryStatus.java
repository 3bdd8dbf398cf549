package io.flightdeck.notifications.domain;

/**
 * Where one notification stands on one outside channel. QUEUED: written, not tried yet. SENDING: an attempt began
 * (committed before the call). SENT. FAILED: the last attempt failed and another is due. DEAD: no more attempts
 * (the retries ran out or the address was refused); a person may retry it. DIGEST: waits for the member's daily or
 * weekly digest. DIGESTED: gathered into a digest, whose own delivery says whether it went out.
 */
public enum DeliveryStatus {
    QUEUED, SENDING, SENT, FAILED, DEAD, DIGEST, DIGESTED
}
