package io.flightdeck.approvals.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.PublishBlocker;
import io.flightdeck.approvals.domain.ApprovalView;
import io.flightdeck.approvals.domain.CommentView;
import io.flightdeck.approvals.domain.DelegationView;
import org.springframework.stereotype.Component;

/**
 * Small formatting the approval templates share: {@code ${@approvalDisplay.due(a.dueAt)}}. Public only because
 * Thymeleaf's expressions call it by reflection; nothing outside the web layer uses it.
 */
@Component("approvalDisplay")
class ApprovalDisplay {

    private static final Pattern EMAIL_MENTION = Pattern.compile("@[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");

    private final Clock clock;

    ApprovalDisplay(Clock clock) {
        this.clock = clock;
    }

    /** Reads as due in 3 hours, or overdue by 2 days. */
    public String due(Instant dueAt) {
        if (dueAt == null) {
            return "";
        }
        Duration left = Duration.between(clock.instant(), dueAt);
        return left.isNegative() ? "overdue by " + span(left.negated()) : "due in " + span(left);
    }

    /** Reads as 5 minutes ago. */
    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        Duration past = Duration.between(at, clock.instant());
        return past.isNegative() || past.toSeconds() < 60 ? "just now" : span(past) + " ago";
    }

    /** One blocker of the publish-gate line: Content (pending, stage 2 of 3). */
    public String blocker(PublishBlocker b) {
        String state = b.state().toLowerCase().replace('_', ' ');
        boolean waiting = b.stageNumber() != null && ("PENDING".equals(b.state()) || "NEEDS_REVIEW".equals(b.state()));
        return b.scopeName() + " (" + state + (waiting ? ", stage " + b.stageNumber() + " of " + b.stageCount() : "") + ")";
    }

    /** Active, Scheduled, Ended or Revoked. */
    public String delegationStatus(DelegationView d) {
        return d.revoked() ? "Revoked" : d.active() ? "Active" : d.endsAt().isAfter(clock.instant()) ? "Scheduled" : "Ended";
    }

    /** Whether a delegation can still be ended early. */
    public boolean delegationOpen(DelegationView d) {
        return !d.revoked() && d.endsAt().isAfter(clock.instant());
    }

    public String stateClass(ApprovalState state) {
        return "state-" + state.name().toLowerCase().replace('_', '-');
    }

    /** The comment's text cut into plain parts and @mentions, so mentions can be highlighted without unescaped HTML. */
    public List<Segment> segments(CommentView comment) {
        String body = comment.body();
        if (comment.mentions().isEmpty()) {
            return List.of(new Segment(body, false));
        }
        String names = comment.mentions().stream().map(CommentView.Mention::name)
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
        Matcher m = Pattern.compile("(?i)@(?:" + names + ")|" + EMAIL_MENTION.pattern()).matcher(body);
        List<Segment> parts = new ArrayList<>();
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                parts.add(new Segment(body.substring(from, m.start()), false));
            }
            parts.add(new Segment(m.group(), true));
            from = m.end();
        }
        if (from < body.length()) {
            parts.add(new Segment(body.substring(from), false));
        }
        return parts;
    }

    public record Segment(String text, boolean mention) {
    }

    /** What an approve did: completed the approval, opened the next stage, or counted towards the quorum. */
    static String approvedMessage(ApprovalView before, ApprovalView after) {
        if (!after.state().open()) {
            return before.title() + " approved";
        }
        return after.stageNumber() != before.stageNumber() ? before.title() + " moved to stage " + after.stageNumber()
                : before.title() + ": your approval is counted (" + after.stageApprovals() + " of "
                        + after.requiredApprovals() + ")";
    }

    private static String span(Duration d) {
        long minutes = Math.max(1, d.toMinutes());
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        // rounded, so a fresh four-hour deadline reads "4 hours", not "3 hours"
        long hours = Math.round(minutes / 60.0);
        if (hours < 48) {
            return plural(hours, "hour");
        }
        return plural(Math.round(hours / 24.0), "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
