package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.search.SearchDocument;
import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.search.SearchableDocument;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.outbound.Retries;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A post on one channel: every transition is a method here, guarded by {@link ChannelPostMove}, so one the state
 * does not allow answers 409 naming both. An attempt is recorded as started (with its idempotency key) and committed
 * before the network is called, so after a crash the runner knows an attempt may have arrived and asks before sending
 * again. Optimistic locking makes a person's cancel and the runner's write exclude each other.
 */
@Entity
@Table(name = "channel_posts")
@Indexed(index = "search-posts")
@SearchableDocument(dependsOn = {"copy.text", "copy.firstComment", "status", "channel", "scheduledAt", "createdAt", "campaignId"})
class ChannelPost extends TenantOwnedEntity implements Searchable {

    static final int DEFAULT_MAX_RETRIES = 3;

    private UUID postId;
    private UUID campaignId;
    private UUID accountId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Embedded
    private PostCopy copy;
    private Instant scheduledAt;
    @Enumerated(EnumType.STRING)
    private PlannedBy plannedBy;
    @Enumerated(EnumType.STRING)
    private ChannelPostStatus status;
    /** Attempt number (with the id, the key), retries made and allowed, and when the next is due. */
    @Embedded
    private Retries retries;
    private String attemptKey;
    private Instant attemptStartedAt;
    private String networkRef;
    private String externalId;
    private String externalUrl;
    private String commentId;
    private Instant publishedAt;
    /** When the network said the published post is no longer there (removed on the network); null while it is. */
    private Instant removedFromNetworkAt;
    private String errorCode;
    private String errorMessage;
    @Embedded
    private PostWaits waits = new PostWaits();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<PostLogLine> log = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    @Column(name = "version")
    private long version;

    protected ChannelPost() {
    }

    ChannelPost(UUID postId, UUID campaignId, UUID accountId, Channel channel, String text, String firstComment,
            List<UUID> mediaAssetIds, Instant scheduledAt, PlannedBy plannedBy, int maxRetries, Instant now) {
        this.postId = postId;
        this.campaignId = campaignId;
        this.accountId = accountId;
        this.channel = channel;
        this.copy = new PostCopy(text, firstComment, mediaAssetIds, null, null);
        this.scheduledAt = scheduledAt;
        this.plannedBy = plannedBy;
        this.status = ChannelPostStatus.SCHEDULED;
        this.retries = new Retries(maxRetries);
        this.createdAt = now;
        this.updatedAt = now;
        log("info", "Scheduled for " + scheduledAt, now);
    }

    // ---- a person's moves ----------------------------------------------------------------------------------------

    /** A new time (and, for a post that needs a person, a new start: its retries begin again). */
    void reschedule(Instant at, PlannedBy by, Instant now) {
        ChannelPostMove.RESCHEDULE.requireFrom(status);
        this.scheduledAt = at;
        this.plannedBy = by;
        requeue(now);
        log("info", "Rescheduled for " + at, now);
    }

    /** The network's choices it is scheduled with (a Reel, TikTok's privacy level). */
    void chosen(java.util.Map<String, String> options) {
        this.copy = copy.withOptions(options);
    }

    /** The creative (and its revision) whose copy the post sends; set when scheduled and when its copy changes. */
    void carries(UUID creativeId, Integer creativeRevision) {
        this.copy = copy.from(creativeId, creativeRevision);
    }

    void edit(String text, String firstComment, List<UUID> mediaAssetIds, Instant now) {
        edit(text, firstComment, mediaAssetIds, copy.networkOptions(), now);
    }

    void edit(String text, String firstComment, List<UUID> mediaAssetIds, java.util.Map<String, String> options,
            Instant now) {
        ChannelPostMove.EDIT.requireFrom(status);
        this.copy = copy.edited(text, firstComment, mediaAssetIds).withOptions(options);
        this.updatedAt = now;
        log("info", "Edited", now);
    }

    void cancel(Instant now) {
        ChannelPostMove.CANCEL.requireFrom(status);
        this.status = ChannelPostStatus.CANCELLED;
        retries.stop();
        waits.clear();
        this.updatedAt = now;
        log("info", "Cancelled", now);
    }

    /** Goes at {@code at}: now, or the first moment the campaign's minimum gap allows ({@link PublishNow}). */
    void publishNow(Instant at, Instant now) {
        ChannelPostMove.PUBLISH.requireFrom(status);
        this.scheduledAt = at;
        this.plannedBy = PlannedBy.PERSON;
        requeue(now);
        log("info", "Publish now", now);
    }

    /** One-click retry from the dead-letter list. */
    void retry(Instant now) {
        ChannelPostMove.RETRY.requireFrom(status);
        requeue(now);
        this.scheduledAt = now.isAfter(scheduledAt) ? now : scheduledAt;
        log("info", "Retry asked for", now);
    }

    /**
     * A person settles a post in doubt: they found it on the network ({@code url} may say where), or it is not there
     * and is sent again (with a new key).
     */
    void resolveInDoubt(boolean foundOnNetwork, String url, Instant now) {
        ChannelPostMove.RESOLVE.requireFrom(status);
        if (foundOnNetwork) {
            landed(externalId, url, commentId, now);
            log("info", "Marked as published by a person", now);
        } else {
            this.scheduledAt = now;
            requeue(now);
            log("info", "Not on the network, a person says: sending again", now);
        }
        this.updatedAt = now;
    }

    private void requeue(Instant now) {
        this.status = ChannelPostStatus.SCHEDULED;
        retries.restart();
        clearError();
        this.updatedAt = now;
    }

    // ---- the runner's moves --------------------------------------------------------------------------------------

    /** Waits for its blockers, logged only when they change; true when it starts waiting on a person. */
    boolean block(List<PostBlocker> found, Instant now) {
        ChannelPostMove.WAIT.requireFrom(status);
        if (waits.changesTo(found)) {
            log("warn", "Waiting: " + String.join("; ", found.stream().map(PostBlocker::message).toList()), now);
        }
        this.updatedAt = now;
        return waits.waitOn(found, now);
    }

    void missed(String why, Instant now) {
        ChannelPostMove.MISS.requireFrom(status);
        this.status = ChannelPostStatus.MISSED;
        waits.clear();
        retries.stop();
        error("missed", why, now);
        log("warn", why, now);
    }

    /** Starts the next attempt with a new idempotency key, committed before the network is called. */
    void startAttempt(Instant now) {
        ChannelPostMove.START_ATTEMPT.requireFrom(status);
        this.status = ChannelPostStatus.PUBLISHING;
        int attempt = retries.start();
        this.attemptKey = retries.key(getId());
        this.attemptStartedAt = now;
        this.networkRef = null;
        waits.clear();
        this.updatedAt = now;
        log("info", "Attempt " + attempt + " started", now);
    }

    /** What the network named the attempt before its step that can duplicate: asked about after a crash. */
    void networkNamed(String ref, Instant now) {
        ChannelPostMove.RECORD_NETWORK_REF.requireFrom(status);
        this.networkRef = ref;
        log("info", "The network named this attempt " + ref, now);
    }

    void published(String externalId, String url, String commentId, Instant now) {
        ChannelPostMove.RECORD_PUBLISHED.requireFrom(status);
        landed(externalId, url, commentId, now);
        this.updatedAt = now;
        log("info", "Published" + (url == null ? "" : " at " + url), now);
    }

    /**
     * A post in doubt that the network's own lookup found after all, asked again when the network reported a new post
     * on the account: published as if the attempt had been answered.
     */
    void foundOnNetworkLater(String externalId, String url, String commentId, Instant now) {
        ChannelPostMove.SETTLE_FOUND.requireFrom(status);
        landed(externalId, url, commentId, now);
        this.updatedAt = now;
        log("info", "Found on the network after it reported a new post: published" + (url == null ? "" : " at " + url),
                now);
    }

    /** The network says the published post was removed there; answers false when that was already recorded. */
    boolean removedFromNetwork(String networkName, Instant now) {
        if (status != ChannelPostStatus.PUBLISHED || removedFromNetworkAt != null) {
            return false;
        }
        this.removedFromNetworkAt = now;
        this.updatedAt = now;
        log("warn", networkName + " says the post was removed there: it is no longer on the network", now);
        return true;
    }

    /**
     * A failed attempt: back to scheduled after a doubling pause while retries remain and the error is retryable,
     * failed otherwise (the dead-letter list). Answers whether it failed for good.
     */
    boolean attemptFailed(String code, String message, boolean retryable, Duration firstPause, Duration atLeast,
            Instant now) {
        ChannelPostMove.RECORD_FAILURE.requireFrom(status);
        error(code, message, now);
        Instant next = retries.failed(retryable, firstPause, atLeast, now);
        if (next != null) {
            this.status = ChannelPostStatus.SCHEDULED;
            log("warn", message + " — retry " + retries.made() + " of " + retries.allowed() + " in "
                    + Duration.between(now, next).toSeconds() + " s", now);
            return false;
        }
        this.status = ChannelPostStatus.FAILED;
        log("error", message + (retryable ? " — no retries left" : ""), now);
        return true;
    }

    /**
     * The network asked to slow down before it did anything with the attempt: the post waits as long as asked, and
     * the wait uses none of its retries (a burst beyond a network's per-minute limit goes out over the minutes it
     * needs rather than onto the dead-letter list).
     */
    void rateLimited(String code, String message, Duration wait, Instant now) {
        ChannelPostMove.RECORD_FAILURE.requireFrom(status);
        error(code, message, now);
        retries.held(wait, now);
        this.status = ChannelPostStatus.SCHEDULED;
        log("warn", message + " — waiting " + wait.toSeconds() + " s as the network asks (not counted as a retry)",
                now);
    }

    /** The network never received the interrupted attempt: it is sent again under the same key. */
    void notReceived(Instant now) {
        ChannelPostMove.SEND_AGAIN.requireFrom(status);
        this.status = ChannelPostStatus.SCHEDULED;
        this.updatedAt = now;
        log("info", "The network never received attempt " + retries.attempt() + "; sending it again", now);
        this.networkRef = null;
        // the resend carries the same key: a network that honours keys (or one whose timeline lagged behind the
        // lookup) then still refuses to post it twice
        retries.sameKeyNextTime();
    }

    /** Nobody can tell whether the interrupted attempt arrived: a person decides; nothing is sent again. */
    void inDoubt(String why, Instant now) {
        ChannelPostMove.MARK_IN_DOUBT.requireFrom(status);
        this.status = ChannelPostStatus.IN_DOUBT;
        error("in-doubt", why, now);
        log("error", why, now);
    }

    /** Whether the post is due: its time (or its retry's) has come. */
    boolean isDue(Instant now) {
        return !dueAt().isAfter(now);
    }

    /** When the runner should look at it next while scheduled. */
    Instant dueAt() {
        return retries.nextAt() != null ? retries.nextAt() : scheduledAt;
    }

    private void landed(String externalId, String url, String commentId, Instant now) {
        this.status = ChannelPostStatus.PUBLISHED;
        this.externalId = externalId;
        this.externalUrl = url;
        this.commentId = commentId;
        this.publishedAt = now;
        clearError();
    }

    private void error(String code, String message, Instant now) {
        this.errorCode = code;
        this.errorMessage = message;
        this.updatedAt = now;
    }

    private void clearError() {
        this.errorCode = null;
        this.errorMessage = null;
        waits.clear();
    }

    void log(String level, String message, Instant at) {
        log = PostLogLine.appended(log, new PostLogLine(at, level, message));
    }

    UUID getPostId() { return postId; }
    UUID getCampaignId() { return campaignId; }
    UUID getAccountId() { return accountId; }
    Channel getChannel() { return channel; }
    PostCopy getCopy() { return copy; }
    Instant getScheduledAt() { return scheduledAt; }
    PlannedBy getPlannedBy() { return plannedBy; }
    ChannelPostStatus getStatus() { return status; }
    Retries getRetries() { return retries; }
    String getAttemptKey() { return attemptKey; }
    Instant getAttemptStartedAt() { return attemptStartedAt; }
    String getNetworkRef() { return networkRef; }
    String getExternalId() { return externalId; }
    String getExternalUrl() { return externalUrl; }
    String getCommentId() { return commentId; }
    Instant getPublishedAt() { return publishedAt; }
    Instant getRemovedFromNetworkAt() { return removedFromNetworkAt; }
    String getErrorCode() { return errorCode; }
    String getErrorMessage() { return errorMessage; }
    List<PostBlocker> getBlockers() { return waits.blockers(); }
    Instant getBlockedSince() { return waits.since(); }
    List<PostLogLine> getLog() { return log; }
    Instant getCreatedAt() { return createdAt; }
    Instant getUpdatedAt() { return updatedAt; }
    long getVersion() { return version; }

    @Override
    public SearchDocument searchDocument() {
        // a post has no title: its first words stand for one
        String text = copy.text() == null ? "" : copy.text().strip();
        String title = text.length() <= 80 ? text : text.substring(0, 80).strip() + "…";
        return new SearchDocument("post", channel.name() + ": " + title, SearchDocument.words(copy.text(), copy.firstComment()),
                status.name(), null, null, java.util.List.of(channel.name()),
                scheduledAt != null ? scheduledAt : createdAt, campaignId,
                "/social/channel-posts/" + getId() + "/preview", false);
    }
}
