package io.flightdeck.mcp.server;

import java.time.Duration;
import java.util.UUID;

import io.flightdeck.shared.ratelimit.RateLimits;
import io.flightdeck.support.FlightdeckTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pace of tool calls, by hand: a minute's allowance, refilled evenly, writes counted apart, per caller, in the
 * API's shared buckets (this node's memory in the suite; RateLimitTests shows two nodes sharing PostgreSQL's).
 */
@FlightdeckTest
class CallLimitsTests {

    @Autowired
    RateLimits shared;

    @Test
    void aCallerSpendsAMinutesAllowanceAndIsToldHowLongToWait() {
        CallLimits limits = new CallLimits(shared, 3, 0);
        UUID key = UUID.randomUUID();
        assertThat(limits.take(key, false)).isEmpty();
        assertThat(limits.take(key, false)).isEmpty();
        assertThat(limits.take(key, false)).isEmpty();
        // three a minute refill one every twenty seconds
        assertThat(limits.take(key, false)).hasValueSatisfying(wait -> assertThat(wait)
                .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)));
        assertThat(limits.take(UUID.randomUUID(), false)).as("another caller has its own allowance").isEmpty();
    }

    @Test
    void writesHaveTheirOwnSmallerPaceAndStillSpendCalls() {
        CallLimits limits = new CallLimits(shared, 3, 1);
        UUID key = UUID.randomUUID();
        assertThat(limits.take(key, true)).isEmpty();
        assertThat(limits.take(key, true)).as("the minute's one write is spent").isPresent();
        assertThat(limits.take(key, false)).as("a read still goes").isEmpty();
        assertThat(limits.take(key, false)).as("the refused write spent a call").isPresent();
    }

    @Test
    void zeroMeansNoLimit() {
        CallLimits limits = new CallLimits(shared, 0, 0);
        UUID key = UUID.randomUUID();
        for (int i = 0; i < 1000; i++) {
            assertThat(limits.take(key, true)).isEmpty();
        }
    }
}
