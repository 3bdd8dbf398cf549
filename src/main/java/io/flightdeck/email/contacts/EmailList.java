package io.flightdeck.email.contacts;

import java.time.Instant;
import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A named list of contacts (a newsletter, a customer group); its name is unique in the workspace, in any case. */
@Entity
@Table(name = "email_lists")
class EmailList extends VersionedEntity {

    @Column(nullable = false)
    private String name;
    @Column(name = "name_key", nullable = false)
    private String nameKey;
    private String description;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected EmailList() {
    }

    EmailList(String name, String description, Instant now) {
        this.createdAt = now;
        change(name, description, now);
    }

    void change(String newName, String newDescription, Instant now) {
        String value = newName == null ? "" : newName.strip();
        if (value.isEmpty() || value.length() > 120) {
            throw new InvalidInputException("name", "Name the list in 1 to 120 characters");
        }
        String about = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        if (about != null && about.length() > 500) {
            throw new InvalidInputException("description", "The description is longer than 500 characters");
        }
        name = value;
        nameKey = key(value);
        description = about;
        updatedAt = now;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    EmailListView view(long members) {
        return new EmailListView(getId(), name, description, members, createdAt, updatedAt, version);
    }

    String nameKey() {
        return nameKey;
    }
}
