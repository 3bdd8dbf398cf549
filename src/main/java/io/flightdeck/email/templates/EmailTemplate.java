package io.flightdeck.email.templates;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A workspace's own email template; its name is unique in the workspace in any case, and its HTML is sanitised. */
@Entity
@Table(name = "email_templates")
class EmailTemplate extends VersionedEntity {

    @Column(nullable = false)
    private String name;
    @Column(name = "name_key", nullable = false)
    private String nameKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmailTemplateKind kind;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String preheader;
    @Column(nullable = false)
    private String html;
    /** The block editor's project data (JSON) when the HTML was built with blocks; null for HTML written by hand. */
    @Column
    private String design;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;
    @Column(name = "updated_by", nullable = false)
    private UUID updatedBy;

    protected EmailTemplate() {
    }

    EmailTemplate(String name, EmailTemplateKind kind, EmailContent content, UUID by, Instant now) {
        this.createdAt = now;
        this.createdBy = by;
        change(name, kind, content, by, now);
    }

    /** {@code content}'s HTML must be sanitised already. */
    void change(String newName, EmailTemplateKind newKind, EmailContent content, UUID by, Instant now) {
        this.name = checkedName(newName);
        this.nameKey = key(this.name);
        this.kind = newKind == null ? EmailTemplateKind.CUSTOM : newKind;
        this.subject = content.subject() == null ? "" : content.subject().strip();
        this.preheader = content.preheader() == null ? "" : content.preheader().strip();
        this.html = content.html();
        this.updatedAt = now;
        this.updatedBy = by;
    }

    /**
     * The block design the HTML was exported from, or null: every HTML edit clears it (the editor rebuilds it from the
     * HTML), so a design is never shown that does not match what is sent.
     */
    void design(String projectData) {
        this.design = projectData;
    }

    String design() {
        return design;
    }

    static String checkedName(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty() || value.length() > 120) {
            throw new InvalidInputException("name", "Name the template in 1 to 120 characters");
        }
        return value;
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    EmailContent content() {
        return new EmailContent(subject, preheader, html);
    }

    EmailTemplateView view(List<String> removed) {
        return new EmailTemplateView(getId().toString(), name, kind, false, subject, preheader, html, createdAt, createdBy,
                updatedAt, updatedBy, version, removed);
    }

    EmailTemplateSummary summary() {
        return new EmailTemplateSummary(getId().toString(), name, kind, false, subject, updatedAt, version);
    }

    String nameKey() {
        return nameKey;
    }

    long version() {
        return version;
    }
}
