package io.flightdeck.planning.templates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A workspace's template of milestones and tasks for one campaign type; the default one seeds new timelines. */
@Entity
@Table(name = "timeline_templates")
class TimelineTemplate extends TenantOwnedEntity {

    @Enumerated(EnumType.STRING)
    private CampaignType campaignType;
    private String name;
    private String description;
    private boolean defaultForType;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<TemplateItem> items = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Version
    private Long version;

    protected TimelineTemplate() {
    }

    TimelineTemplate(CampaignType campaignType, String name, String description, boolean defaultForType,
            List<TemplateItem> items, Instant now) {
        this.campaignType = campaignType;
        this.createdAt = now;
        change(name, description, defaultForType, items, now);
    }

    void change(String name, String description, boolean defaultForType, List<TemplateItem> items, Instant now) {
        this.name = name;
        this.description = description;
        this.defaultForType = defaultForType;
        this.items = new ArrayList<>(items);
        this.updatedAt = now;
    }

    /** Moves the template to another campaign type (the caller settles which template is that type's default). */
    void retype(CampaignType campaignType) {
        this.campaignType = campaignType;
    }

    void markDefault(boolean value) {
        this.defaultForType = value;
    }

    void delete(Instant now) {
        this.deletedAt = now;
    }

    void restore() {
        this.deletedAt = null;
    }

    CampaignType getCampaignType() {
        return campaignType;
    }

    String getName() {
        return name;
    }

    String getDescription() {
        return description;
    }

    boolean isDefaultForType() {
        return defaultForType;
    }

    List<TemplateItem> getItems() {
        return List.copyOf(items);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getDeletedAt() {
        return deletedAt;
    }

    Long getVersion() {
        return version;
    }
}
