package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.IllegalTransition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger row's rules, checked by hand: the retry schedule, what ends it, and a person's retry. */
class NotificationDeliveryTests {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void aFailingMailIsTriedSixTimesOverAboutNineHoursThenStops() {
        NotificationDelivery d = new NotificationDelivery(UUID.randomUUID(), UUID.randomUUID(), NotificationChannel.EMAIL,
                PreferenceSource.MEMBER, T0);
        assertThat(d.idempotencyKey()).isEqualTo("notification-" + d.getId());
        Instant now = T0;
        Duration[] pauses = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(6)};
        for (Duration pause : pauses) {
            d.sending("smtp", now);
            Instant next = d.failed("The SMTP server did not answer", false, now);
            assertThat(next).isEqualTo(now.plus(pause));
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            now = next;
        }
        d.sending("smtp", now);
        assertThat(d.failed("The SMTP server did not answer", false, now)).isNull();
        assertThat(d.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(d.view().attempts()).isEqualTo(6);
        assertThat(Duration.between(T0, now)).isEqualTo(Duration.ofMinutes(1 + 5 + 30 + 120 + 360));

        d.retry(now.plusSeconds(60));
        assertThat(d.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(d.view().attempts()).isZero();
        assertThat(d.view().nextAttemptAt()).isEqualTo(now.plusSeconds(60));
        Instant later = now.plusSeconds(120);
        assertThatThrownBy(() -> d.retry(later)).isInstanceOf(IllegalTransition.class)
                .hasMessage("Cannot retry a delivery that is queued. No move is allowed now.");
    }

    @Test
    void aRefusedAddressStopsAtOnceAndALongErrorIsCut() {
        NotificationDelivery d = new NotificationDelivery(UUID.randomUUID(), UUID.randomUUID(), NotificationChannel.EMAIL,
                PreferenceSource.BUILT_IN, T0);
        d.sending("smtp", T0);
        assertThat(d.failed("550 " + "x".repeat(1000), true, T0)).isNull();
        assertThat(d.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(d.view().lastError()).hasSize(500).endsWith("…");
        assertThat(d.open()).isFalse();
    }

    @Test
    void aSentMailIsDoneAndAnInterruptedOneSaysSo() {
        NotificationDelivery d = new NotificationDelivery(UUID.randomUUID(), UUID.randomUUID(), NotificationChannel.EMAIL,
                PreferenceSource.WORKSPACE, T0);
        assertThat(d.open()).isTrue();
        d.sending("outbox", T0);
        assertThat(d.interruptedAt()).isEqualTo(T0);
        d.markPossibleDuplicate();
        d.sent(T0.plusSeconds(1));
        assertThat(d.open()).isFalse();
        assertThat(d.view().possibleDuplicate()).isTrue();
        assertThat(d.view().sentAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void theRunnersMovesAreGuardedToo() {
        NotificationDelivery d = new NotificationDelivery(UUID.randomUUID(), UUID.randomUUID(), NotificationChannel.EMAIL,
                PreferenceSource.MEMBER, T0);
        assertThatThrownBy(() -> d.sent(T0)).as("nothing was attempted").isInstanceOf(IllegalTransition.class)
                .hasMessage("Cannot record as sent a delivery that is queued. No move is allowed now.");
        assertThatThrownBy(() -> d.failed("x", false, T0)).isInstanceOf(IllegalTransition.class);
        d.sending("smtp", T0);
        d.sent(T0);
        assertThatThrownBy(() -> d.sending("smtp", T0)).as("a sent mail is not sent again")
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> d.abandon("gone", T0)).isInstanceOf(IllegalTransition.class);
        assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
    }
}
