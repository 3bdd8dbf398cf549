package io.flightdeck.campaigns.templates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.shared.Money;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.shared.search.SearchDocument;
import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.search.SearchableDocument;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/**
 * A campaign's shape kept to start the next one from: its own fields (the brief) as columns, every other module's
 * part as JSON that module wrote, with dates as days from the start. Private templates are their owner's alone.
 */
@Entity
@Table(name = "campaign_templates")
@Indexed(index = "search-templates")
@SearchableDocument(dependsOn = {"name", "description", "category", "brief", "objective", "visibility", "ownerId",
        "updatedAt", "deletedAt", "tags", "channels"})
class CampaignTemplate extends TenantOwnedEntity implements Searchable {

    private String name;
    private String description;
    private String category;
    @Enumerated(EnumType.STRING)
    private TemplateVisibility visibility;
    private UUID ownerId;
    private UUID sourceCampaignId;
    @Enumerated(EnumType.STRING)
    @Column(name = "campaign_type")
    private CampaignType campaignType;
    private String brief;
    private String objective;
    @Enumerated(EnumType.STRING)
    private CampaignPriority priority;
    private Integer durationDays;
    private BigDecimal budgetAmount;
    private String budgetCurrency;
    private int uses;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "campaign_template_channels", joinColumns = @JoinColumn(name = "template_id"))
    @Column(name = "channel")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    private Set<Channel> channels = EnumSet.noneOf(Channel.class);

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "campaign_template_tags", joinColumns = @JoinColumn(name = "template_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    private Set<String> tags = new TreeSet<>();

    /** Read only when a template is shown whole or used, never for the library's list. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "campaign_template_parts", joinColumns = @JoinColumn(name = "template_id"))
    @MapKeyColumn(name = "part")
    @MapKeyEnumerated(EnumType.STRING)
    @BatchSize(size = 100)
    private Map<TemplatePart, TemplatePartContent> parts = new EnumMap<>(TemplatePart.class);

    protected CampaignTemplate() {
    }

    CampaignTemplate(TemplateLabel label, UUID ownerId, UUID sourceCampaignId, CampaignType campaignType,
            Instant now) {
        label(label, now);
        this.ownerId = ownerId;
        this.sourceCampaignId = sourceCampaignId;
        this.campaignType = campaignType;
        this.priority = CampaignPriority.MEDIUM;
        this.createdAt = now;
    }

    /** The campaign's own fields; without them the template still sets the type and a medium priority. */
    void brief(String brief, String objective, CampaignPriority priority, Set<Channel> channels, Set<String> tags,
            Integer durationDays, Money budget) {
        this.brief = brief;
        this.objective = objective;
        this.priority = priority;
        this.channels.clear();
        this.channels.addAll(channels);
        this.tags.clear();
        this.tags.addAll(tags);
        this.durationDays = durationDays;
        this.budgetAmount = budget == null ? null : budget.amount();
        this.budgetCurrency = budget == null ? null : budget.currency();
    }

    void part(TemplatePart part, TemplatePartContent content) {
        parts.put(part, content);
    }

    void label(TemplateLabel label, Instant now) {
        this.name = label.name();
        this.description = label.description();
        this.category = label.category();
        this.visibility = label.visibility();
        this.updatedAt = now;
    }

    void used(Instant now) {
        this.uses++;
    }

    void delete(Instant now) {
        this.deletedAt = now;
        this.updatedAt = now;
    }

    void restore(Instant now) {
        this.deletedAt = null;
        this.updatedAt = now;
    }

    /** A private template is its owner's: anyone else is told it does not exist. */
    boolean visibleTo(UUID userId) {
        return visibility == TemplateVisibility.WORKSPACE || ownerId.equals(userId);
    }

    void requireVersion(Long expected) {
        if (expected != null && expected != getVersion()) {
            throw new PreconditionFailedException(getVersion());
        }
    }

    long getVersion() {
        return version == null ? 0 : version;
    }

    String getName() { return name; }
    String getDescription() { return description; }
    String getCategory() { return category; }
    TemplateVisibility getVisibility() { return visibility; }
    UUID getOwnerId() { return ownerId; }
    UUID getSourceCampaignId() { return sourceCampaignId; }
    CampaignType getCampaignType() { return campaignType; }
    String getBrief() { return brief; }
    String getObjective() { return objective; }
    CampaignPriority getPriority() { return priority; }
    Integer getDurationDays() { return durationDays; }
    int getUses() { return uses; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    Instant getDeletedAt() { return deletedAt; }
    Set<Channel> getChannels() { return channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels); }
    Set<String> getTags() { return new TreeSet<>(tags); }
    Map<TemplatePart, TemplatePartContent> getParts() { return parts; }

    Money budget() {
        return budgetAmount == null ? null : new Money(budgetAmount, budgetCurrency);
    }

    /** Found by its name, category, description and brief; a private one by its owner alone. A template has no status. */
    @Override
    public SearchDocument searchDocument() {
        return new SearchDocument("template", name, SearchDocument.words(category, description, brief, objective), null,
                ownerId, tags, channels.stream().map(Enum::name).toList(), updatedAt, null, "/templates/" + getId(),
                deletedAt != null, visibility == TemplateVisibility.PRIVATE ? ownerId : null);
    }
}
