package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.shared.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** An invitation to join a workspace. Its token is shown once, stored hashed, expires, and works once. */
@Entity
@Table(name = "invitations")
class Invitation extends TenantOwnedEntity {

    private String email;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String tokenHash;
    private UUID invitedBy;
    private Instant expiresAt;
    private Instant acceptedAt;
    private Instant revokedAt;
    private Instant createdAt;

    protected Invitation() {
    }

    Invitation(String email, Role role, String tokenHash, UUID invitedBy, Instant createdAt, Instant expiresAt) {
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    InvitationStatus status(Instant now) {
        if (acceptedAt != null) {
            return InvitationStatus.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }

    /** The invitation's use; one that is not pending any more refuses (the service says why in a friendlier way). */
    void accept(Instant now) {
        InvitationMove.ACCEPT.requireFrom(status(now));
        this.acceptedAt = now;
    }

    void revoke(Instant now) {
        InvitationMove.REVOKE.requireFrom(status(now));
        this.revokedAt = now;
    }

    String getEmail() {
        return email;
    }

    Role getRole() {
        return role;
    }

    InvitationView view(Instant now) {
        return new InvitationView(getId(), email, role, status(now), createdAt, expiresAt);
    }
}
