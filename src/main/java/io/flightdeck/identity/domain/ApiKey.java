package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.shared.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A personal API key: acts for its owner in one workspace, capped at a role ceiling. Only its hash is kept. */
@Entity
@Table(name = "api_keys")
class ApiKey extends TenantOwnedEntity {

    private UUID userId;
    private String name;
    @Enumerated(EnumType.STRING)
    private Role roleCeiling;
    private String secretHash;
    private String hint;
    private Instant expiresAt;
    private Instant revokedAt;
    private Instant lastUsedAt;
    private Instant createdAt;

    protected ApiKey() {
    }

    ApiKey(UUID userId, String name, Role roleCeiling, String secretHash, String hint, Instant expiresAt, Instant createdAt) {
        this.userId = userId;
        this.name = name;
        this.roleCeiling = roleCeiling;
        this.secretHash = secretHash;
        this.hint = hint;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    UUID getUserId() {
        return userId;
    }

    Role getRoleCeiling() {
        return roleCeiling;
    }

    String getSecretHash() {
        return secretHash;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    ApiKeyView view(String ownerName, Instant now) {
        return new ApiKeyView(getId(), name, userId, ownerName, roleCeiling, "fd_…" + hint, createdAt, expiresAt, lastUsedAt,
                revokedAt, isActive(now));
    }
}
