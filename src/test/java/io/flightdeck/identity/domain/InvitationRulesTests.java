package io.flightdeck.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.IllegalTransition;
import io.flightdeck.shared.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The invitation guards itself: only a pending one is accepted or revoked, whatever the service checked first. */
class InvitationRulesTests {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant EXPIRES = T0.plus(Duration.ofDays(7));

    private static Invitation pending() {
        return new Invitation("dana@example.com", Role.CONTRIBUTOR, "hash", UUID.randomUUID(), T0, EXPIRES);
    }

    @Test
    void aPendingInvitationIsAcceptedOnceAndThenRefusesEveryMove() {
        Invitation invitation = pending();
        invitation.accept(T0.plusSeconds(60));
        assertThat(invitation.status(T0.plusSeconds(61))).isEqualTo(InvitationStatus.ACCEPTED);

        IllegalTransition again = catchThrowableOfType(IllegalTransition.class, () -> invitation.accept(T0.plusSeconds(120)));
        assertThat(again.properties()).containsEntry("currentState", "ACCEPTED").containsEntry("attemptedMove", "accept")
                .containsEntry("allowedMoves", List.of());
        assertThat(catchThrowableOfType(IllegalTransition.class, () -> invitation.revoke(T0.plusSeconds(120))))
                .isNotNull();
    }

    @Test
    void aRevokedOrExpiredInvitationCannotBeAcceptedOrRevokedAgain() {
        Invitation revoked = pending();
        revoked.revoke(T0);
        IllegalTransition accept = catchThrowableOfType(IllegalTransition.class, () -> revoked.accept(T0.plusSeconds(1)));
        assertThat(accept.properties()).containsEntry("currentState", "REVOKED");
        assertThat(accept.getMessage()).startsWith("Cannot accept an invitation that is revoked.");
        assertThat(catchThrowableOfType(IllegalTransition.class, () -> revoked.revoke(T0.plusSeconds(1)))).isNotNull();

        Invitation expired = pending();
        IllegalTransition late = catchThrowableOfType(IllegalTransition.class, () -> expired.accept(EXPIRES));
        assertThat(late.properties()).containsEntry("currentState", "EXPIRED");
        assertThat(expired.status(EXPIRES)).isEqualTo(InvitationStatus.EXPIRED);
    }
}
