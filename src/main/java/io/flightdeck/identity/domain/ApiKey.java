package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.shared.assistant.AssistantLimits;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.shared.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    @JdbcTypeCode(SqlTypes.JSON)
    private Set<Toolset> assistantToolsets;
    private boolean assistantReadOnly;

    protected ApiKey() {
    }

    ApiKey(UUID userId, String name, Role roleCeiling, String secretHash, String hint, Instant expiresAt,
            AssistantLimits assistant, Instant createdAt) {
        this.userId = userId;
        this.assistantToolsets = assistant.toolsets() == null ? null : new TreeSet<>(assistant.toolsets());
        this.assistantReadOnly = assistant.readOnly();
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

    AssistantLimits getAssistantLimits() {
        return new AssistantLimits(assistantToolsets, assistantReadOnly);
    }

    ApiKeyView view(String ownerName, Instant now) {
        return new ApiKeyView(getId(), name, userId, ownerName, roleCeiling, "fd_…" + hint, createdAt, expiresAt, lastUsedAt,
                revokedAt, isActive(now), getAssistantLimits());
    }
}
