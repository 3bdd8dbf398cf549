package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The three moments of an inbox item, each set once, and what implies what. */
class NotificationTests {

    private static final Instant T1 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-24T10:00:00Z");

    private final Notification item = new Notification(UUID.randomUUID(), NotificationDraft.of("k",
            NotificationTrigger.COMMENT_MENTION, "Ann mentioned you", "/approvals/x", "You were @mentioned",
            "approval", UUID.randomUUID(), null, null), true, PreferenceSource.BUILT_IN, T1);

    @Test
    void readingSeesAndArchivingReads() {
        item.archive(T1);
        assertThat(item.view().seenAt()).isEqualTo(T1);
        assertThat(item.view().readAt()).isEqualTo(T1);
        assertThat(item.view().archivedAt()).isEqualTo(T1);
        item.restore();
        assertThat(item.view().archivedAt()).isNull();
        assertThat(item.view().readAt()).as("restored, still read").isEqualTo(T1);
    }

    @Test
    void eachMomentKeepsItsFirstTime() {
        item.markSeen(T1);
        item.markRead(T2);
        item.markSeen(T2);
        item.markRead(T2.plusSeconds(60));
        assertThat(item.view().seenAt()).isEqualTo(T1);
        assertThat(item.view().readAt()).isEqualTo(T2);
        assertThat(item.view().category()).isEqualTo(NotificationCategory.COMMENTS);
        assertThat(item.view().priority()).isEqualTo(NotificationPriority.NORMAL);
    }

    @Test
    void longTextsAreCutNotRefused() {
        NotificationDraft draft = NotificationDraft.of("k", NotificationTrigger.TASK_ASSIGNED, "x".repeat(400), "/tasks/x",
                "y".repeat(600), "task", UUID.randomUUID(), null, null).withBody("z".repeat(3000));
        assertThat(draft.title()).hasSize(300).endsWith("…");
        assertThat(draft.reason()).hasSize(500);
        assertThat(draft.body()).hasSize(2000);
    }
}
