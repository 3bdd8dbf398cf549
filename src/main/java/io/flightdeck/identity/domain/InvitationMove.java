package io.flightdeck.identity.domain;

import io.flightdeck.shared.StateMove;

/** An invitation works once: only a pending one (not used, withdrawn or expired) is accepted or revoked. */
enum InvitationMove implements StateMove<InvitationStatus> {
    ACCEPT, REVOKE;

    @Override
    public boolean allowedFrom(InvitationStatus status) {
        return status == InvitationStatus.PENDING;
    }

    void requireFrom(InvitationStatus status) {
        requireFrom(status, "invitation");
    }
}
