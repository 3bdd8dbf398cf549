package io.flightdeck.notifications.slack;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.crypto.MasterKey;
import io.flightdeck.support.TestLinkKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OAuth state of a Slack install: only the person and workspace that started it, unaltered, within ten minutes. */
class SlackInstallStateTests {

    private static final MasterKey KEY = TestLinkKeys.masterKey(TestLinkKeys.TEST_PROFILE_KEY);
    private static final Instant STARTED = Instant.parse("2026-11-27T06:00:00Z");
    private static final UUID WORKSPACE = UUID.fromString("33333333-3333-4333-8333-333333333333");
    private static final UUID PERSON = UUID.fromString("55555555-5555-4555-8555-555555555555");

    private static SlackInstallState at(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new SlackInstallState(TestLinkKeys.linkKeys(KEY, clock), KEY, clock);
    }

    @Test
    void aStateIsAcceptedOnlyFromItsPersonAndWorkspaceUnalteredAndInTime() {
        String state = at(STARTED).issue(WORKSPACE, PERSON);

        assertThat(state).matches("[A-Za-z0-9_-]+").doesNotContain(WORKSPACE.toString());
        assertThatCode(() -> at(STARTED.plusSeconds(599)).check(state, WORKSPACE, PERSON)).doesNotThrowAnyException();
        assertThatThrownBy(() -> at(STARTED).check(state, WORKSPACE, UUID.randomUUID()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("does not belong to an install");
        assertThatThrownBy(() -> at(STARTED).check(state, UUID.randomUUID(), PERSON))
                .isInstanceOf(ConflictException.class).hasMessageContaining("does not belong to an install");
        assertThatThrownBy(() -> at(STARTED.plusSeconds(600)).check(state, WORKSPACE, PERSON))
                .isInstanceOf(ConflictException.class).hasMessageContaining("took longer than 10 minutes");
        for (String forged : new String[] {null, "", "x", state.substring(1), state + "A",
                state.substring(0, 20) + (state.charAt(20) == 'A' ? 'B' : 'A') + state.substring(21)}) {
            assertThatThrownBy(() -> at(STARTED).check(forged, WORKSPACE, PERSON)).as("%s", forged)
                    .isInstanceOf(ConflictException.class).hasMessageContaining("does not belong to an install");
        }
    }

    @Test
    void aStateMadeBeforeTheSigningKitIsCheckedAsBefore() {
        // made by the code before the kit, under the test profile's master key, at 06:00
        String state = "MzMzMzMzMzMtMzMzMy00MzMzLTgzMzMtMzMzMzMzMzMzMzMzLjU1NTU1NTU1LTU1NTUtNDU1NS04NTU1LTU1"
                + "NTU1NTU1NTU1NS4xNzk1NzU5ODAw.mubNcWJDtLuAQFwpGoTjKouZBM-1QNjyuPYr410FxiI";

        assertThatCode(() -> at(STARTED.plusSeconds(600)).check(state, WORKSPACE, PERSON)).doesNotThrowAnyException();
        assertThatThrownBy(() -> at(STARTED.plusSeconds(601)).check(state, WORKSPACE, PERSON))
                .isInstanceOf(ConflictException.class).hasMessageContaining("took longer");
        assertThatThrownBy(() -> at(STARTED).check(state, WORKSPACE, UUID.randomUUID()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> at(STARTED).check(state.replace(".mub", ".muc"), WORKSPACE, PERSON))
                .isInstanceOf(ConflictException.class);
    }
}
