package io.flightdeck.content.repurposing;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A long text kept as it was repurposed, so its pieces can be traced back and more variations made from it. */
@Entity
@Table(name = "repurpose_sources")
class RepurposeSource extends TenantOwnedEntity {

    private UUID campaignId;
    private String title;
    private String sourceText;
    private UUID sourceAssetId;
    private int wordCount;
    private UUID createdBy;
    private Instant createdAt;
    @Version
    private Long version;

    protected RepurposeSource() {
    }

    RepurposeSource(UUID campaignId, String title, String sourceText, UUID sourceAssetId, UUID createdBy, Instant now) {
        this.campaignId = campaignId;
        this.title = title;
        this.sourceText = sourceText;
        this.sourceAssetId = sourceAssetId;
        this.wordCount = sourceText.isBlank() ? 0 : sourceText.strip().split("\\s+").length;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    UUID getCampaignId() {
        return campaignId;
    }

    String getTitle() {
        return title;
    }

    String getSourceText() {
        return sourceText;
    }

    RepurposeSourceView view() {
        return new RepurposeSourceView(getId(), campaignId, title, sourceAssetId, wordCount, createdBy, createdAt);
    }
}
