package io.flightdeck.identity.domain;

import java.time.Instant;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.shared.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A user's role in one workspace. */
@Entity
@Table(name = "memberships")
class Membership extends TenantOwnedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;
    @Enumerated(EnumType.STRING)
    private Role role;
    private Instant createdAt;
    @Version
    private Long version;

    protected Membership() {
    }

    Membership(UserAccount user, Role role, Instant createdAt) {
        this.user = user;
        this.role = role;
        this.createdAt = createdAt;
    }

    void changeRole(Role role) {
        this.role = role;
    }

    UserAccount getUser() {
        return user;
    }

    Role getRole() {
        return role;
    }

    long getVersion() {
        return version == null ? 0 : version;
    }

    MemberView view() {
        return new MemberView(getId(), user.getId(), user.getEmail(), user.getDisplayName(), role, createdAt, getVersion());
    }
}
