package io.flightdeck.strategy.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One saved version of a campaign's strategy. Its content never changes after the insert; only its standing does
 * (superseded by the next save, or invalidated with a reason). Lists and the ads configuration are JSON columns,
 * written and read whole, never queried in SQL.
 */
@Entity
@Table(name = "strategy_versions")
class StrategyVersion extends TenantOwnedEntity {

    private UUID campaignId;
    /** The number people see, 1, 2, 3...; unique per campaign, which is what stops concurrent saves doubling up. */
    @Column(name = "version")
    private int number;
    @Enumerated(EnumType.STRING)
    private StrategyStatus status = StrategyStatus.CURRENT;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Channel> platforms = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> goals = new ArrayList<>();
    private String targetAudience;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> contentPillars = new ArrayList<>();
    private String brandTone;
    @Column(name = "constraints_text")
    private String constraints;
    private String cadence;
    @JdbcTypeCode(SqlTypes.JSON)
    private AdsConfig adsConfig;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<Channel, Integer> channelMix;
    private UUID createdBy;
    private Instant createdAt;
    private Instant invalidatedAt;
    private UUID invalidatedBy;
    private String invalidationReason;
    /** Optimistic lock: a save superseding this version and an invalidation of it cannot both win. */
    @Version
    @Column(name = "row_version")
    private Long version;

    protected StrategyVersion() {
    }

    StrategyVersion(UUID campaignId, int number, StrategyDetails details, UUID actorId, Instant now) {
        this.campaignId = campaignId;
        this.number = number;
        this.platforms = new ArrayList<>(details.platforms());
        this.goals = new ArrayList<>(details.goals());
        this.targetAudience = details.targetAudience();
        this.contentPillars = new ArrayList<>(details.contentPillars());
        this.brandTone = details.brandTone();
        this.constraints = details.constraints();
        this.cadence = details.cadence();
        this.adsConfig = details.adsConfig();
        this.channelMix = details.channelMix().isEmpty() ? null : new EnumMap<>(details.channelMix());
        this.createdBy = actorId;
        this.createdAt = now;
    }

    void supersede(int by, UUID actorId, Instant now) {
        StrategyMove.SUPERSEDE.requireFrom(status);
        withdraw(StrategyStatus.SUPERSEDED, "Superseded by version " + by, actorId, now);
    }

    /** Withdraws the current version with a reason; any other is history already, and refuses. */
    void invalidate(String reason, UUID actorId, Instant now) {
        StrategyMove.INVALIDATE.requireFrom(status);
        withdraw(StrategyStatus.INVALIDATED, reason, actorId, now);
    }

    private void withdraw(StrategyStatus status, String reason, UUID actorId, Instant now) {
        this.status = status;
        this.invalidationReason = reason;
        this.invalidatedBy = actorId;
        this.invalidatedAt = now;
    }

    boolean isCurrent() {
        return status == StrategyStatus.CURRENT;
    }

    int getNumber() {
        return number;
    }

    StrategyStatus getStatus() {
        return status;
    }

    UUID getCampaignId() {
        return campaignId;
    }

    /** Everyone a view names: the author and whoever withdrew the version. */
    Stream<UUID> people() {
        return Stream.of(createdBy, invalidatedBy).filter(Objects::nonNull);
    }

    StrategyDetails details() {
        return new StrategyDetails(List.copyOf(platforms), List.copyOf(goals), targetAudience, List.copyOf(contentPillars),
                brandTone, constraints, cadence, adsConfig, channelMix);
    }

    StrategyView view(Names names) {
        return new StrategyView(getId(), campaignId, number, status, List.copyOf(platforms), List.copyOf(goals),
                targetAudience, List.copyOf(contentPillars), brandTone, constraints, cadence, adsConfig,
                details().channelMix(), createdBy, names.of(createdBy), createdAt, invalidatedAt, invalidatedBy,
                names.of(invalidatedBy), invalidationReason);
    }

    /** Member names for views, looked up once per page. */
    interface Names {
        String of(UUID userId);
    }
}
