package io.flightdeck.shared.health;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A provider's health read from its calls of the last hour, newest first, each with its error or null when it
 * worked. Nothing is called to find out: no call in the hour is "not known yet". The newest call decides: it worked,
 * so the provider works (the earlier failures are told); it failed, and so did the two before it, so the provider is
 * down; a single failure among working calls is degraded, which a retry usually mends.
 */
public final class RecentCalls {

    /** How many failures in a row call a provider down. */
    static final int DOWN_AFTER = 3;

    private RecentCalls() {
    }

    /** The state, and what was seen in words. */
    public record Verdict(HealthState state, String detail) {
    }

    public static Verdict judge(List<@Nullable String> errorsNewestFirst) {
        int calls = errorsNewestFirst.size();
        if (calls == 0) {
            return new Verdict(HealthState.UNKNOWN, "No calls in the last hour.");
        }
        long failures = errorsNewestFirst.stream().filter(error -> error != null).count();
        String lastError = errorsNewestFirst.get(0);
        if (lastError == null) {
            return new Verdict(HealthState.UP, failures == 0 ? calls + " " + plural(calls) + " in the last hour, all worked."
                    : failures + " of " + calls + " " + plural(calls) + " in the last hour failed; the latest worked.");
        }
        boolean inARow = calls >= DOWN_AFTER
                && errorsNewestFirst.subList(0, DOWN_AFTER).stream().allMatch(error -> error != null);
        return new Verdict(inARow ? HealthState.DOWN : HealthState.DEGRADED,
                (inARow ? "The last " + DOWN_AFTER + " calls failed" : "The latest call failed") + ": " + lastError);
    }

    private static String plural(int calls) {
        return calls == 1 ? "call" : "calls";
    }
}
