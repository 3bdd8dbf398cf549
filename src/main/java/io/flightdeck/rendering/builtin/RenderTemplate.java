package io.flightdeck.rendering.builtin;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A workspace's own layout template: a new one, or its version of a built-in one (same key), kept as the JSON the
 * person saved so a field added later does not lose what they wrote.
 */
@Entity
@Table(name = "render_templates")
class RenderTemplate extends TenantOwnedEntity {

    private String templateKey;
    private String name;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> definition;
    private UUID createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    @Column(name = "version")
    private long version;

    protected RenderTemplate() {
    }

    RenderTemplate(String key, String name, Map<String, Object> definition, UUID createdBy, Instant now) {
        this.templateKey = key;
        this.name = name;
        this.definition = definition;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void replace(String name, Map<String, Object> definition, Instant now) {
        this.name = name;
        this.definition = definition;
        this.updatedAt = now;
    }

    String getTemplateKey() {
        return templateKey;
    }

    String getName() {
        return name;
    }

    Map<String, Object> getDefinition() {
        return definition;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }
}
