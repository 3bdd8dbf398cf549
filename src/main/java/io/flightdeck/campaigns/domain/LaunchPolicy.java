package io.flightdeck.campaigns.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.Readiness;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whether a campaign may go live, from its readiness. An open blocking item refuses both marking it ready and
 * launching it, forced or not. A launch below the workspace's threshold needs a manager who forces it and says why;
 * forcing overrides the score only.
 */
final class LaunchPolicy {

    private LaunchPolicy() {
    }

    /** How a permitted launch happens: forced past the threshold (with the reason) or not. */
    record Launch(boolean forced, String reason) {

        static final Launch READY = new Launch(false, null);
    }

    /** Marking ready asks only for the blocking items: the score is the launch's business. */
    static void requireMarkReady(Readiness readiness) {
        requireNoBlockers(readiness, "be marked ready");
    }

    static Launch launch(Readiness readiness, boolean force, String reason, Role role) {
        requireNoBlockers(readiness, "launch");
        if (readiness.meetsThreshold()) {
            return Launch.READY;
        }
        if (!force) {
            throw new ConflictException("readiness-below-threshold", "Readiness is " + readiness.score()
                    + "%, below this workspace's launch threshold of " + readiness.threshold()
                    + "%. Finish the missing items, or have a manager force the launch.",
                    Map.of("score", readiness.score(), "threshold", readiness.threshold(), "missing", readiness.missing()));
        }
        if (!role.includes(Role.MANAGER)) {
            throw new AccessDeniedException("Only a manager can force a launch");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must say why the launch is forced");
        }
        return new Launch(true, reason.strip());
    }

    private static void requireNoBlockers(Readiness readiness, String action) {
        List<ReadinessItem> blockers = readiness.blockers();
        if (!blockers.isEmpty()) {
            throw new ConflictException("launch-blocked", "The campaign cannot " + action + " until these are done: "
                    + blockers.stream().map(ReadinessItem::label).collect(Collectors.joining(", ")),
                    Map.of("score", readiness.score(), "threshold", readiness.threshold(), "blockers", blockers));
        }
    }
}
