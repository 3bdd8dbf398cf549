package io.flightdeck.campaigns.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one gate for marking a campaign ready and launching it, from its readiness. An open blocking item refuses both,
 * forced or not. Below the workspace's threshold, marking ready is refused and a launch needs a manager who forces it
 * and says why; forcing overrides the score only. A launch before the start date, or while the plan ends after the
 * end date, must be confirmed.
 */
final class LaunchPolicy {

    static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private LaunchPolicy() {
    }

    /** How a permitted launch happens: forced past the threshold (with the reason) or not. */
    record Launch(boolean forced, String reason) {

        static final Launch READY = new Launch(false, null);
    }

    /** Marking ready asks what an unforced launch asks: nothing blocks and the score reaches the threshold. */
    static void requireMarkReady(Readiness readiness) {
        requireNoBlockers(readiness, "be marked ready");
        if (!readiness.meetsThreshold()) {
            throw belowThreshold(readiness, "Finish the missing items before marking it ready.");
        }
    }

    static Launch launch(Readiness readiness, boolean force, String reason, Role role) {
        requireNoBlockers(readiness, "launch");
        if (readiness.meetsThreshold()) {
            return Launch.READY;
        }
        if (!force) {
            throw belowThreshold(readiness, "Finish the missing items, or have a manager force the launch.");
        }
        if (!role.includes(Role.MANAGER)) {
            throw new AccessDeniedException("Only a manager can force a launch");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must say why the launch is forced");
        }
        return new Launch(true, reason.strip());
    }

    /** What a launch today must confirm: an early start, and any open item that warns at launch. */
    static List<LaunchWarning> warnings(CampaignSnapshot campaign, Readiness readiness, LocalDate today) {
        List<LaunchWarning> warnings = new ArrayList<>();
        if (campaign.startDate() != null && today.isBefore(campaign.startDate())) {
            long days = ChronoUnit.DAYS.between(today, campaign.startDate());
            warnings.add(new LaunchWarning(LaunchWarning.BEFORE_START, "The campaign starts on "
                    + IN_WORDS.format(campaign.startDate()) + ", " + days + (days == 1 ? " day" : " days")
                    + " from today; launching now starts it early."));
        }
        warnings.addAll(laterWarnings(campaign, readiness));
        return warnings;
    }

    /** The warnings that still hold on the start date: a launch scheduled for then confirms these up front. */
    static List<LaunchWarning> laterWarnings(CampaignSnapshot campaign, Readiness readiness) {
        return readiness.items().stream().filter(item -> !item.done() && item.warnsAtLaunch())
                .map(item -> new LaunchWarning(item.key(), campaign.endDate() == null ? item.reason()
                        : item.label() + ": the campaign ends on " + IN_WORDS.format(campaign.endDate()) + ". "
                                + item.reason() + "."))
                .toList();
    }

    /** Refuses warnings the caller has not confirmed, listing them, so the confirmation can name each. */
    static void requireConfirmed(List<LaunchWarning> warnings, boolean confirmed) {
        if (!warnings.isEmpty() && !confirmed) {
            throw new ConflictException("launch-needs-confirmation", "Confirm the launch: "
                    + warnings.stream().map(LaunchWarning::message).collect(Collectors.joining(" ")),
                    Map.of("warnings", warnings));
        }
    }

    private static ConflictException belowThreshold(Readiness readiness, String advice) {
        return new ConflictException("readiness-below-threshold", "Readiness is " + readiness.score()
                + "%, below this workspace's launch threshold of " + readiness.threshold() + "%. " + advice,
                Map.of("score", readiness.score(), "threshold", readiness.threshold(), "missing", readiness.missing()));
    }

    private static void requireNoBlockers(Readiness readiness, String action) {
        List<ReadinessItem> blockers = readiness.blockers();
        if (!blockers.isEmpty()) {
            throw new ConflictException("launch-blocked", "The campaign cannot " + action + " until these are done: "
                    + blockers.stream().map(ReadinessItem::label).collect(Collectors.joining(", ")),
                    Map.of("score", readiness.score(), "threshold", readiness.threshold(), "blockers", blockers,
                            "missing", readiness.missing()));
        }
    }
}
