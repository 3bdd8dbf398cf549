package io.flightdeck.shared.outbound;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The attempt bookkeeping every outgoing-message ledger embeds, checked by hand against a three-attempt schedule. */
class AttemptsTests {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");
    private static final RetrySchedule TWO_PAUSES = RetrySchedule.of(Duration.ofMinutes(1), Duration.ofMinutes(10));

    @Test
    void failuresFollowTheScheduleThenTheItemIsDeadAndAPersonsRetryStartsAFreshRound() {
        Attempts attempts = Attempts.dueAt(T0);
        assertThat(TWO_PAUSES.attempts()).isEqualTo(3);
        assertThat(attempts.nextAt()).isEqualTo(T0);

        attempts.start(T0);
        assertThat(attempts.made()).isEqualTo(1);
        assertThat(attempts.nextAt()).as("none is due while one runs").isNull();
        assertThat(attempts.failed(TWO_PAUSES, "451 later", false, null, T0)).isEqualTo(T0.plusSeconds(60));
        Instant second = T0.plusSeconds(60);
        attempts.start(second);
        // a 429's Retry-After longer than the pause wins; a shorter one does not shorten it
        assertThat(attempts.failed(TWO_PAUSES, "429", false, Duration.ofMinutes(30), second))
                .isEqualTo(second.plus(Duration.ofMinutes(30)));
        Instant third = second.plus(Duration.ofMinutes(30));
        attempts.start(third);
        assertThat(attempts.failed(TWO_PAUSES, "x".repeat(800), false, Duration.ofSeconds(1), third)).isNull();
        assertThat(attempts.deadAt()).isEqualTo(third);
        assertThat(attempts.lastError()).hasSize(Attempts.MAX_ERROR).endsWith("…");

        attempts.again(third.plusSeconds(5));
        assertThat(attempts.made()).isZero();
        assertThat(attempts.deadAt()).isNull();
        assertThat(attempts.nextAt()).isEqualTo(third.plusSeconds(5));
        attempts.start(third.plusSeconds(5));
        attempts.succeeded(third.plusSeconds(6));
        assertThat(attempts.sentAt()).isEqualTo(third.plusSeconds(6));
        assertThat(attempts.lastError()).isNull();
        assertThat(attempts.nextAt()).isNull();
    }

    @Test
    void aPermanentFailureOrAGivingUpEndsAtOnceWithItsReason() {
        Attempts refused = Attempts.dueAt(T0);
        refused.start(T0);
        assertThat(refused.failed(TWO_PAUSES, "550 no such user", true, null, T0)).isNull();
        assertThat(refused.deadAt()).isEqualTo(T0);
        assertThat(refused.lastError()).isEqualTo("550 no such user");

        Attempts gone = Attempts.dueAt(T0);
        gone.giveUp("Not sent: the endpoint is disabled", T0.plusSeconds(1));
        assertThat(gone.made()).isZero();
        assertThat(gone.deadAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(gone.nextAt()).isNull();

        gone.markPossibleDuplicate();
        assertThat(gone.possibleDuplicate()).isTrue();
        gone.notADuplicate();
        assertThat(gone.possibleDuplicate()).isFalse();
    }
}
