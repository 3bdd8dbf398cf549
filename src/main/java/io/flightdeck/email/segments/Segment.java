package io.flightdeck.email.segments;

import java.time.Instant;
import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A workspace's own segment: a name unique in the workspace in any case, a description, and its checked rules. */
@Entity
@Table(name = "email_segments")
class Segment extends VersionedEntity {

    @Column(nullable = false)
    private String name;
    @Column(name = "name_key", nullable = false)
    private String nameKey;
    private String description;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private SegmentRules rules;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Segment() {
    }

    Segment(String name, String description, SegmentRules rules, Instant now) {
        this.createdAt = now;
        change(name, description, rules, now);
    }

    /** The rules must have been checked ({@link SegmentCompiler}). */
    void change(String newName, String newDescription, SegmentRules checkedRules, Instant now) {
        name = checkedName(newName);
        nameKey = key(name);
        String about = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        if (about != null && about.length() > 500) {
            throw new InvalidInputException("description", "The description is longer than 500 characters");
        }
        description = about;
        rules = checkedRules;
        updatedAt = now;
    }

    static String checkedName(String given) {
        String value = given == null ? "" : given.strip();
        if (value.isEmpty() || value.length() > 120) {
            throw new InvalidInputException("name", "Name the segment in 1 to 120 characters");
        }
        return value;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    SegmentView view(long contacts) {
        return new SegmentView(getId(), name, description, false, rules, contacts, createdAt, updatedAt, version);
    }

    String name() {
        return name;
    }

    String nameKey() {
        return nameKey;
    }

    String description() {
        return description;
    }

    SegmentRules rules() {
        return rules;
    }

    long version() {
        return version;
    }
}
