package io.flightdeck.shared.health;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider's health from its calls of the last hour, newest first (null: the call worked), checked by hand. */
class RecentCallsTests {

    private static RecentCalls.Verdict judge(String... errorsNewestFirst) {
        return RecentCalls.judge(Arrays.asList(errorsNewestFirst));
    }

    @Test
    void noCallIsNotKnownYet() {
        assertThat(RecentCalls.judge(List.of())).isEqualTo(
                new RecentCalls.Verdict(HealthState.UNKNOWN, "No calls in the last hour."));
    }

    @Test
    void theNewestCallWorkingMeansItWorksAndEarlierFailuresAreTold() {
        assertThat(judge((String) null)).isEqualTo(new RecentCalls.Verdict(HealthState.UP,
                "1 call in the last hour, all worked."));
        assertThat(judge(null, "timeout", null)).isEqualTo(new RecentCalls.Verdict(HealthState.UP,
                "1 of 3 calls in the last hour failed; the latest worked."));
    }

    @Test
    void aFailureAmongWorkingCallsIsDegradedAndThreeInARowAreDown() {
        assertThat(judge("timeout")).isEqualTo(new RecentCalls.Verdict(HealthState.DEGRADED,
                "The latest call failed: timeout"));
        assertThat(judge("rate-limited", "timeout", null)).isEqualTo(new RecentCalls.Verdict(HealthState.DEGRADED,
                "The latest call failed: rate-limited"));
        assertThat(judge("refused", "timeout", "timeout", null)).isEqualTo(new RecentCalls.Verdict(HealthState.DOWN,
                "The last 3 calls failed: refused"));
    }

    @Test
    void theWorseStateWins() {
        assertThat(HealthState.UP.worst(HealthState.DEGRADED)).isEqualTo(HealthState.DEGRADED);
        assertThat(HealthState.DOWN.worst(HealthState.DEGRADED)).isEqualTo(HealthState.DOWN);
        assertThat(HealthState.UP.worst(HealthState.UNKNOWN)).isEqualTo(HealthState.UNKNOWN);
        assertThat(HealthState.ofCode("OUT_OF_SERVICE")).isEqualTo(HealthState.DOWN);
        assertThat(HealthState.ofCode("DEGRADED")).isEqualTo(HealthState.DEGRADED);
    }
}
