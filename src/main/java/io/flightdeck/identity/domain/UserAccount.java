package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.AbstractEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signs in. Not tenant-owned: one account may belong to several workspaces. */
@Entity
@Table(name = "users")
class UserAccount extends AbstractEntity {

    private String email;
    private String displayName;
    private String passwordHash;
    private String timeZone;
    private UUID lastWorkspaceId;
    private Instant createdAt;
    private Instant passwordChangedAt;
    @Version
    private Long version;

    protected UserAccount() {
    }

    UserAccount(String email, String displayName, String passwordHash, String timeZone, Instant now) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.timeZone = timeZone;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    void rename(String displayName, String timeZone) {
        this.displayName = displayName;
        this.timeZone = timeZone;
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    void rememberWorkspace(UUID workspaceId) {
        this.lastWorkspaceId = workspaceId;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getTimeZone() {
        return timeZone;
    }

    UUID getLastWorkspaceId() {
        return lastWorkspaceId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    AccountView view() {
        return new AccountView(getId(), email, displayName, timeZone, passwordHash);
    }
}
