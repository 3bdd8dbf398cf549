package io.flightdeck.assets.domain;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A workspace's asset settings; created with the configured defaults the first time they are read. */
@Entity
@Table(name = "asset_settings")
class AssetSettings extends TenantOwnedEntity {

    private long maxUploadBytes;
    private int similarityThreshold;
    @Version
    private Long version;

    protected AssetSettings() {
    }

    AssetSettings(long maxUploadBytes, int similarityThreshold) {
        this.maxUploadBytes = maxUploadBytes;
        this.similarityThreshold = similarityThreshold;
    }

    void change(long maxUploadBytes, int similarityThreshold) {
        this.maxUploadBytes = maxUploadBytes;
        this.similarityThreshold = similarityThreshold;
    }

    AssetSettingsView view() {
        return new AssetSettingsView(maxUploadBytes, similarityThreshold, version == null ? 0 : version);
    }
}
