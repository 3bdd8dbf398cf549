package io.flightdeck.email.contacts;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A contact on a list. Leaving the list ({@code unsubscribedAt}) keeps the row, so the list's sends skip them while
 * their other lists and the workspace's other mail go on; adding them again takes them back onto it.
 */
@Entity
@Table(name = "email_list_members")
class ListMembership extends TenantOwnedEntity {

    @Column(name = "list_id", nullable = false, updatable = false)
    private UUID listId;
    @Column(name = "contact_id", nullable = false, updatable = false)
    private UUID contactId;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;
    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    protected ListMembership() {
    }

    ListMembership(UUID listId, UUID contactId, Instant now) {
        this.listId = listId;
        this.contactId = contactId;
        this.addedAt = now;
    }

    void rejoin(Instant now) {
        if (unsubscribedAt != null) {
            unsubscribedAt = null;
            addedAt = now;
        }
    }

    void leave(Instant now) {
        if (unsubscribedAt == null) {
            unsubscribedAt = now;
        }
    }

    UUID listId() {
        return listId;
    }

    UUID contactId() {
        return contactId;
    }

    boolean active() {
        return unsubscribedAt == null;
    }
}
