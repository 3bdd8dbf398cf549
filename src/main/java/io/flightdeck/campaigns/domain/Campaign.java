package io.flightdeck.campaigns.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.shared.search.SearchDocument;
import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.search.SearchableDocument;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.Money;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

/** A marketing campaign and its lifecycle. Channels and tags are rows of their own tables, not arrays. */
@Entity
@Table(name = "campaigns")
@Indexed(index = "search-campaigns")
@SearchableDocument(dependsOn = {"name", "description", "objective", "status", "ownerId", "startDate", "createdAt", "deletedAt", "tags", "channels"})
class Campaign extends TenantOwnedEntity implements Searchable {

    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private CampaignType type;
    private String objective;
    @Enumerated(EnumType.STRING)
    private CampaignPriority priority;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status = CampaignStatus.DRAFT;
    private LocalDate startDate;
    private LocalDate endDate;
    private BigDecimal budgetAmount;
    private String budgetCurrency;
    private UUID ownerId;
    private UUID forcedLaunchBy;
    private String forcedLaunchReason;
    private LocalDate launchScheduledFor;
    private UUID launchScheduledBy;
    private UUID createdBy;
    private UUID updatedBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "campaign_channels", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "channel")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    private Set<Channel> channels = EnumSet.noneOf(Channel.class);

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "campaign_tags", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    private Set<String> tags = new TreeSet<>();

    protected Campaign() {
    }

    Campaign(CampaignDetails details, UUID actorId, Instant now) {
        apply(details);
        this.createdBy = actorId;
        this.updatedBy = actorId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(CampaignDetails details, UUID actorId, Instant now) {
        apply(details);
        touch(actorId, now);
    }

    private void apply(CampaignDetails details) {
        this.name = details.name();
        this.description = details.description();
        this.type = details.type();
        this.objective = details.objective();
        this.priority = details.priority();
        this.startDate = details.startDate();
        this.endDate = details.endDate();
        this.budgetAmount = details.budget() == null ? null : details.budget().amount();
        this.budgetCurrency = details.budget() == null ? null : details.budget().currency();
        this.ownerId = details.ownerId();
        // Replace a collection only when it changed: an unchanged one then costs no SQL and no audit entry.
        if (!channels.equals(details.channels())) {
            channels.clear();
            channels.addAll(details.channels());
        }
        if (!tags.equals(details.tags())) {
            tags.clear();
            tags.addAll(details.tags());
        }
    }

    /** Moves the campaign along its lifecycle; a move the lifecycle does not allow from here is refused. */
    void move(CampaignTransition transition, UUID actorId, Instant now) {
        requireAllowed(transition);
        this.status = transition.to();
        touch(actorId, now);
    }

    /** Refuses a move the lifecycle does not allow from the current status, naming the moves it does allow. */
    void requireAllowed(CampaignTransition transition) {
        transition.requireFrom(status, "campaign");
    }

    /** The paths of the moves allowed from the current status. */
    List<String> allowedMoves() {
        return CampaignTransition.legalFrom(status).stream().map(CampaignTransition::path).toList();
    }

    void recordForcedLaunch(UUID actorId, String reason) {
        this.forcedLaunchBy = actorId;
        this.forcedLaunchReason = reason;
    }

    /** Records that a job launches the campaign on this date, as the member who asked for it. */
    void scheduleLaunch(LocalDate date, UUID actorId, Instant now) {
        this.launchScheduledFor = date;
        this.launchScheduledBy = actorId;
        touch(actorId, now);
    }

    /** Forgets the scheduled launch (cancelled, or the job has run). */
    void clearScheduledLaunch(UUID actorId, Instant now) {
        this.launchScheduledFor = null;
        this.launchScheduledBy = null;
        touch(actorId, now);
    }

    LocalDate getLaunchScheduledFor() {
        return launchScheduledFor;
    }

    UUID getLaunchScheduledBy() {
        return launchScheduledBy;
    }

    void delete(UUID actorId, Instant now) {
        this.deletedAt = now;
        touch(actorId, now);
    }

    void restore(UUID actorId, Instant now) {
        this.deletedAt = null;
        touch(actorId, now);
    }

    private void touch(UUID actorId, Instant now) {
        this.updatedBy = actorId;
        this.updatedAt = now;
    }

    String getName() {
        return name;
    }

    CampaignStatus getStatus() {
        return status;
    }

    Instant getDeletedAt() {
        return deletedAt;
    }

    /** Refuses a change made against another version than this one (a stale If-Match). */
    void requireVersion(Long expected) {
        if (expected != null && expected != getVersion()) {
            throw new PreconditionFailedException(getVersion());
        }
    }

    long getVersion() {
        return version == null ? 0 : version;
    }

    /** Everyone a view names: owner, creator, last editor. */
    java.util.stream.Stream<UUID> people() {
        return java.util.stream.Stream.of(ownerId, createdBy, updatedBy).filter(java.util.Objects::nonNull);
    }

    Money budget() {
        return budgetAmount == null ? null : new Money(budgetAmount, budgetCurrency);
    }

    CampaignSnapshot snapshot() {
        return new CampaignSnapshot(getId(), getTenantId(), name, description, type, objective, priority, status,
                channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels), new TreeSet<>(tags),
                startDate, endDate, budget(), ownerId);
    }

    CampaignView view(Names names) {
        return new CampaignView(getId(), name, description, type, objective, priority, status, startDate, endDate,
                budget(), ownerId, names.of(ownerId), channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels),
                new TreeSet<>(tags), allowedMoves(),
                forcedLaunchBy != null, forcedLaunchReason, createdBy, names.of(createdBy), createdAt, updatedBy,
                names.of(updatedBy), updatedAt, getVersion(), launchScheduledFor);
    }

    /** Member names for views, looked up once per page. */
    interface Names {
        String of(UUID userId);
    }

    @Override
    public SearchDocument searchDocument() {
        return new SearchDocument("campaign", name, SearchDocument.words(description, objective), status.name(), ownerId,
                tags, channels.stream().map(Enum::name).toList(),
                startDate != null ? SearchDocument.day(startDate) : createdAt, getId(), "/campaigns/" + getId(),
                deletedAt != null);
    }
}
