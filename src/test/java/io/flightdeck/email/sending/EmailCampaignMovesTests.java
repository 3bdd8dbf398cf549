package io.flightdeck.email.sending;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.IllegalTransition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The email's state machine by hand: a move its status does not allow says so, the runner's finish included. */
class EmailCampaignMovesTests {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    private static EmailCampaign draft() {
        return new EmailCampaign(UUID.randomUUID(), new EmailDraft("News", "Hello", null, "<p>Hi</p>", null,
                List.of(UUID.randomUUID()), null), UUID.randomUUID(), T0);
    }

    @Test
    void aSendThatWasNotRunningIsNotFinishedSilently() {
        EmailCampaign email = draft();
        assertThatThrownBy(() -> email.finish(T0)).isInstanceOf(IllegalTransition.class)
                .hasMessage("Cannot finish an email that is draft. Allowed now: edit, request approval, schedule, "
                        + "send, cancel or delete.");

        email.start(T0);
        email.pause(T0);
        assertThatThrownBy(() -> email.finish(T0)).isInstanceOf(IllegalTransition.class)
                .satisfies(e -> assertThat(((IllegalTransition) e).properties()).containsEntry("currentState", "PAUSED")
                        .containsEntry("attemptedMove", "finish")
                        .containsEntry("allowedMoves", List.of("resume", "send-to-rest", "send-to-unconfirmed",
                                "cancel")));
        assertThat(email.status()).isEqualTo(EmailCampaignStatus.PAUSED);

        email.resume(T0);
        email.finish(T0.plusSeconds(5));
        assertThat(email.status()).isEqualTo(EmailCampaignStatus.SENT);
        assertThat(email.finishedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void onlyWhatWasNeverSentChangesAndTheWordsSayTheMove() {
        EmailCampaign email = draft();
        email.start(T0);
        assertThatThrownBy(() -> email.require(EmailCampaignMove.EDIT)).isInstanceOf(IllegalTransition.class)
                .hasMessage("Cannot edit an email that is sending. Allowed now: pause, send to rest, send to "
                        + "unconfirmed or cancel.");
    }
}
