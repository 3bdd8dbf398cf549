package io.flightdeck.identity.domain;

public enum InvitationStatus {
    PENDING, ACCEPTED, REVOKED, EXPIRED
}
