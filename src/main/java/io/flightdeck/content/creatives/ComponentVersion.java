package io.flightdeck.content.creatives;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One text or asset a component has had; never changed once written. */
@Entity
@Table(name = "component_versions")
class ComponentVersion extends TenantOwnedEntity {

    // written by the component's join column; read here
    @Column(name = "component_id", insertable = false, updatable = false)
    private UUID componentId;
    private int number;
    @Enumerated(EnumType.STRING)
    private VersionOrigin origin;
    @Column(name = "body")
    private String text;
    private UUID assetId;
    private String provider;
    private String model;
    private String promptVersion;
    private Long seed;
    private Integer strategyVersion;
    private UUID authorId;
    private Instant createdAt;

    protected ComponentVersion() {
    }

    ComponentVersion(UUID componentId, int number, VersionOrigin origin, String text, UUID assetId, Authorship by,
            Integer strategyVersion, Instant now) {
        this.number = number;
        this.origin = origin;
        this.text = text;
        this.assetId = assetId;
        this.provider = by.provider();
        this.model = by.model();
        this.promptVersion = by.promptVersion();
        this.seed = by.seed();
        this.authorId = by.authorId();
        this.strategyVersion = strategyVersion;
        this.createdAt = now;
    }

    int getNumber() {
        return number;
    }

    VersionOrigin getOrigin() {
        return origin;
    }

    String getText() {
        return text;
    }

    UUID getAssetId() {
        return assetId;
    }

    Integer getStrategyVersion() {
        return strategyVersion;
    }

    Long getSeed() {
        return seed;
    }

    UUID getComponentId() {
        return componentId;
    }

    ComponentVersionView view(boolean current) {
        return new ComponentVersionView(number, origin, text, assetId, provider, model, promptVersion, seed,
                strategyVersion, authorId, createdAt, current);
    }
}
