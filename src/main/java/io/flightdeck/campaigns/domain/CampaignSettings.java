package io.flightdeck.campaigns.domain;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A workspace's campaign settings; created with defaults the first time they are read. */
@Entity
@Table(name = "campaign_settings")
class CampaignSettings extends TenantOwnedEntity {

    static final int DEFAULT_READINESS_THRESHOLD = 80;

    private int readinessThreshold = DEFAULT_READINESS_THRESHOLD;
    @Version
    private Long version;

    int getReadinessThreshold() {
        return readinessThreshold;
    }

    void setReadinessThreshold(int readinessThreshold) {
        this.readinessThreshold = readinessThreshold;
    }

    long getVersion() {
        return version == null ? 0 : version;
    }
}
