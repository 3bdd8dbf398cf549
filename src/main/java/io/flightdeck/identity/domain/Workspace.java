package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.AbstractEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A tenant: one company or team. Every tenant-owned row points at one. */
@Entity
@Table(name = "workspaces")
class Workspace extends AbstractEntity {

    private String name;
    private String slug;
    private String timeZone;
    private String locale;
    private Instant createdAt;
    /** The demo workspace a newcomer is given, whose numbers are all simulated: guidance may learn from them there. */
    private boolean demo;
    /** Every AI assistant (MCP) in the workspace only reads, whatever its key allows. */
    private boolean assistantsReadOnly;
    @Version
    private Long version;

    protected Workspace() {
    }

    Workspace(UUID id, String name, String slug, String timeZone, String locale, Instant createdAt) {
        super(id);
        this.name = name;
        this.slug = slug;
        this.timeZone = timeZone;
        this.locale = locale;
        this.createdAt = createdAt;
    }

    void markDemo() {
        this.demo = true;
    }

    void update(String name, String timeZone, String locale, boolean assistantsReadOnly) {
        this.name = name;
        this.timeZone = timeZone;
        this.locale = locale;
        this.assistantsReadOnly = assistantsReadOnly;
    }

    boolean isAssistantsReadOnly() {
        return assistantsReadOnly;
    }

    String getName() {
        return name;
    }

    String getSlug() {
        return slug;
    }

    String getTimeZone() {
        return timeZone;
    }

    String getLocale() {
        return locale;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version == null ? 0 : version;
    }
}
