package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.Text;
import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One item in one member's inbox. It is unseen until the member opens the bell (seen), read once they open it, and
 * archived when they put it away; the three moments are kept apart, so the bell counts what is new and the feed
 * what is unread. Each moment is set once: marking again keeps the first time. Not audited: the event behind it is,
 * and a member's seen and read marks are their own bookkeeping, not the workspace's history.
 */
@NotAudited
@Entity
@Table(name = "notifications")
class Notification extends TenantOwnedEntity {

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private UUID recipientId;
    @Column(name = "event_key", nullable = false, updatable = false)
    private String eventKey;
    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false, updatable = false)
    private NotificationTrigger trigger;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationPriority priority;
    // a settled item says so in its title and body (settled); nothing else changes them
    @Column(nullable = false)
    private String title;
    private String body;
    @Column(nullable = false, updatable = false)
    private String link;
    @Column(nullable = false, updatable = false)
    private String reason;
    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private UUID subjectId;
    @Column(name = "campaign_id", updatable = false)
    private UUID campaignId;
    @Column(name = "actor_id", updatable = false)
    private UUID actorId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "seen_at")
    private Instant seenAt;
    @Column(name = "read_at")
    private Instant readAt;
    @Column(name = "archived_at")
    private Instant archivedAt;
    /** False when the member switched the app off for this category but another channel still carries it. */
    @Column(name = "in_app", nullable = false, updatable = false)
    private boolean inApp;
    @Enumerated(EnumType.STRING)
    @Column(name = "in_app_source", nullable = false, updatable = false)
    private PreferenceSource inAppSource;
    @Version
    private long version;

    protected Notification() {
    }

    Notification(UUID recipientId, NotificationDraft draft, boolean inApp, PreferenceSource inAppSource, Instant now) {
        this.recipientId = recipientId;
        this.inApp = inApp;
        this.inAppSource = inAppSource;
        this.eventKey = draft.eventKey();
        this.trigger = draft.trigger();
        this.category = draft.trigger().category();
        this.priority = draft.priority();
        this.title = draft.title();
        this.body = draft.body();
        this.link = draft.link();
        this.reason = draft.reason();
        this.subjectType = draft.subjectType();
        this.subjectId = draft.subjectId();
        this.campaignId = draft.campaignId();
        this.actorId = draft.actorId();
        this.createdAt = now;
    }

    void markSeen(Instant now) {
        if (seenAt == null) {
            seenAt = now;
        }
    }

    /** Reading implies having seen it. */
    void markRead(Instant now) {
        markSeen(now);
        if (readAt == null) {
            readAt = now;
        }
    }

    /**
     * What it told of was put right (a failed post went out after all): it says so and no longer counts as new, so
     * the bell does not keep ringing for something already over.
     */
    void settled(String words, Instant now) {
        if (title.startsWith(SETTLED)) {
            return;
        }
        this.title = Text.cut(SETTLED + title, 300);
        this.body = Text.cut(words + (body == null ? "" : " " + body), 2000);
        markRead(now);
    }

    private static final String SETTLED = "Settled: ";

    /** Putting an item away also reads it: an archived item never counts as new or unread. */
    void archive(Instant now) {
        markRead(now);
        if (archivedAt == null) {
            archivedAt = now;
        }
    }

    /** Back to the feed, still read. */
    void restore() {
        archivedAt = null;
    }

    NotificationPriority priority() {
        return priority;
    }

    /** Still waiting for its recipient: not seen in the bell and not put away. */
    boolean unseen() {
        return seenAt == null && archivedAt == null;
    }

    NotificationView view() {
        return new NotificationView(getId(), trigger, category, priority, title, body, link, reason, subjectType,
                subjectId, campaignId, actorId, createdAt, seenAt, readAt, archivedAt, inApp, inAppSource, List.of());
    }

    UUID recipientId() {
        return recipientId;
    }

    String eventKey() {
        return eventKey;
    }

    NotificationCategory category() {
        return category;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String link() {
        return link;
    }

    String reason() {
        return reason;
    }

    boolean inApp() {
        return inApp;
    }

    UUID campaignId() {
        return campaignId;
    }

    NotificationTrigger trigger() {
        return trigger;
    }

    UUID subjectId() {
        return subjectId;
    }
}
