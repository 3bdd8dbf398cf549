package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.Text;

/**
 * A notification before it has recipients: what happened, where to look, why it is sent and the event it comes from.
 * The event key names the event (for example {@code task-assigned:<task>:<assignee>:<time>}), so a retried listener
 * writes nothing new for a recipient who already has it. {@code dueAt}, when known, is when what it is about falls
 * due ({@link QuietHours} let such an item through).
 */
record NotificationDraft(String eventKey, NotificationTrigger trigger, NotificationPriority priority, String title,
        String body, String link, String reason, String subjectType, UUID subjectId, UUID campaignId, UUID actorId,
        Instant dueAt) {

    NotificationDraft {
        title = Text.cut(title, 300);
        body = Text.cut(body, 2000);
        reason = Text.cut(reason, 500);
    }

    static NotificationDraft of(String eventKey, NotificationTrigger trigger, String title, String link, String reason,
            String subjectType, UUID subjectId, UUID campaignId, UUID actorId) {
        return new NotificationDraft(eventKey, trigger, trigger.defaultPriority(), title, null, link, reason, subjectType,
                subjectId, campaignId, actorId, null);
    }

    NotificationDraft withBody(String text) {
        return new NotificationDraft(eventKey, trigger, priority, title, text, link, reason, subjectType, subjectId,
                campaignId, actorId, dueAt);
    }

    /** The same with a higher (or lower) priority than its trigger's default: a change request weighs more. */
    NotificationDraft withPriority(NotificationPriority raised) {
        return new NotificationDraft(eventKey, trigger, raised, title, body, link, reason, subjectType, subjectId,
                campaignId, actorId, dueAt);
    }

    NotificationDraft withReason(String why) {
        return new NotificationDraft(eventKey, trigger, priority, title, body, link, why, subjectType, subjectId,
                campaignId, actorId, dueAt);
    }

    /** What it is about falls due then: email held by quiet hours that end later goes out at once. */
    NotificationDraft withDue(Instant due) {
        return new NotificationDraft(eventKey, trigger, priority, title, body, link, reason, subjectType, subjectId,
                campaignId, actorId, due);
    }
}
