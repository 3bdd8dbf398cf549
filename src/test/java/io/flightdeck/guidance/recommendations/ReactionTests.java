package io.flightdeck.guidance.recommendations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a reaction hides its recommendation, without a database. */
class ReactionTests {

    private static final Instant NOW = Instant.parse("2026-12-10T09:00:00Z");
    private static final Instant IN_A_WEEK = NOW.plus(Duration.ofDays(7));
    private static final UUID CAMPAIGN = UUID.randomUUID();

    @Test
    void aDismissalHidesTheSameEvidenceUntilItsTimeIsUp() {
        Reaction dismissed = reaction(ReactionKind.DISMISSED, "f1");
        assertThat(dismissed.hides(recommendation("creative-a", "f1"), NOW)).isTrue();
        assertThat(dismissed.hides(recommendation("creative-a", "f2"), NOW)).as("the evidence changed").isFalse();
        assertThat(dismissed.hides(recommendation("creative-b", "f1"), NOW)).as("another target").isFalse();
        assertThat(dismissed.hides(recommendation("creative-a", "f1"), IN_A_WEEK)).as("time is up").isFalse();
    }

    @Test
    void anAcceptanceHidesTheSameEvidenceAsADismissalDoes() {
        Reaction accepted = reaction(ReactionKind.ACCEPTED, "f1");
        assertThat(accepted.hides(recommendation("creative-a", "f1"), NOW.plusSeconds(60))).isTrue();
        assertThat(accepted.hides(recommendation("creative-a", "f2"), NOW)).isFalse();
    }

    @Test
    void aSnoozeHidesUntilItsDateWhateverTheEvidence() {
        Reaction snoozed = reaction(ReactionKind.SNOOZED, "f1");
        assertThat(snoozed.hides(recommendation("creative-a", "f2"), IN_A_WEEK.minusSeconds(1))).isTrue();
        assertThat(snoozed.hides(recommendation("creative-a", "f1"), IN_A_WEEK)).isFalse();
    }

    @Test
    void anUndoneOrReplacedReactionHidesNothingAndIsUndoneOnce() {
        Reaction undone = reaction(ReactionKind.DISMISSED, "f1");
        undone.undo(NOW);
        assertThat(undone.hides(recommendation("creative-a", "f1"), NOW)).isFalse();
        assertThatThrownBy(() -> undone.undo(NOW)).isInstanceOf(ConflictException.class)
                .hasMessage("This reaction was already undone.");

        Reaction replaced = reaction(ReactionKind.SNOOZED, "f1");
        replaced.replace(NOW);
        assertThat(replaced.activeAt(NOW)).isFalse();
        assertThatThrownBy(() -> replaced.undo(NOW))
                .hasMessage("A later reaction replaced this one; undo that one instead.");
    }

    private static Reaction reaction(ReactionKind kind, String fingerprint) {
        return new Reaction(recommendation("creative-a", fingerprint), kind, "why", IN_A_WEEK, UUID.randomUUID(), NOW);
    }

    private static Recommendation recommendation(String targetId, String fingerprint) {
        return new Recommendation(CAMPAIGN, "content-refresh", 1, RuleKind.CONTENT_REFRESH,
                new ObjectRef("creative", targetId, "A creative", "/creatives/" + targetId), "what", "why",
                List.of(), "effect", Effort.MEDIUM, new Recommendation.Action("Edit", "/creatives/x"), 0.5,
                fingerprint);
    }
}
