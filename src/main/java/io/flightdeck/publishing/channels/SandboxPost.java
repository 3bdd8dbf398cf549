package io.flightdeck.publishing.channels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What the sandbox network received: one row per idempotency key, as a network that honours keys keeps it. Not audited:
 * it is the network's side; the channel post that sent it is.
 */
@Entity
@NotAudited
@Table(name = "sandbox_posts")
class SandboxPost extends TenantOwnedEntity {

    /** An attached file as the sandbox saw it. */
    record SandboxMedia(UUID assetId, String fileName, String mimeType, long size) {
    }

    private UUID accountId;
    private String idempotencyKey;
    private String text;
    private String firstComment;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<SandboxMedia> media = new ArrayList<>();
    private Instant postedAt;

    protected SandboxPost() {
    }

    SandboxPost(UUID accountId, String idempotencyKey, String text, String firstComment, List<SandboxMedia> media,
            Instant postedAt) {
        this.accountId = accountId;
        this.idempotencyKey = idempotencyKey;
        this.text = text;
        this.firstComment = firstComment;
        this.media = new ArrayList<>(media);
        this.postedAt = postedAt;
    }

    UUID getAccountId() {
        return accountId;
    }

    String getIdempotencyKey() {
        return idempotencyKey;
    }

    String getText() {
        return text;
    }

    String getFirstComment() {
        return firstComment;
    }

    List<SandboxMedia> getMedia() {
        return media;
    }

    Instant getPostedAt() {
        return postedAt;
    }
}
