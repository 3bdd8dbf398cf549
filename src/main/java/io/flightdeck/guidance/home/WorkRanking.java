package io.flightdeck.guidance.home;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.approvals.WaitingApproval;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.guidance.blockers.Blocker;
import io.flightdeck.guidance.blockers.BlockerSeverity;
import io.flightdeck.planning.AssignedTask;

/**
 * How a member's work is ordered on the home page: each item's consequence (docs/guidance.md, "Home page"), then the
 * day that makes it urgent (earliest first, undated last), then its title. Pure, so the rules are tested by hand.
 */
final class WorkRanking {

    /** A campaign starting within this many days (or started) is held up by what blocks it or waits for approval. */
    static final int LAUNCH_WINDOW_DAYS = 14;
    /** A task due within this many days is due soon. */
    static final int DUE_SOON_DAYS = 7;

    static final Comparator<WorkItem> ORDER = Comparator.comparing(WorkItem::consequence)
            .thenComparing(WorkItem::when, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkItem::title, String.CASE_INSENSITIVE_ORDER);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private WorkRanking() {
    }

    static List<WorkItem> rank(List<WorkItem> items) {
        return items.stream().sorted(ORDER).toList();
    }

    /** A late or at-risk task on the critical path holds its campaign up; a task due within a week is due soon. */
    static WorkItem task(AssignedTask task, LocalDate today) {
        WorkConsequence consequence;
        if (task.critical() && (task.overdue() || task.atRisk())) {
            consequence = WorkConsequence.HOLDS_UP_A_CAMPAIGN;
        } else if (task.critical()) {
            consequence = WorkConsequence.CRITICAL_PATH;
        } else if (task.overdue() || (task.dueDate() != null && !task.dueDate().isAfter(today.plusDays(DUE_SOON_DAYS)))) {
            consequence = WorkConsequence.DUE_SOON;
        } else {
            consequence = WorkConsequence.WOULD_HELP;
        }
        String when = task.dueDate() == null ? null
                : (task.overdue() ? "overdue since " : "due ") + DAY.format(task.dueDate());
        return new WorkItem(consequence, "task", task.title(), task.atRisk() && !task.overdue()
                ? "No slack left: starting later misses its date" : null, task.campaignId(), task.campaignName(),
                task.dueDate(), when, task.link());
    }

    /**
     * An approval holds its campaign up when it is overdue or the campaign starts within the launch window (or has
     * started: its content cannot go out); otherwise it is due soon. {@code campaign} may be null (not found).
     */
    static WorkItem approval(WaitingApproval approval, CampaignSnapshot campaign, LocalDate today, ZoneId zone) {
        LocalDate start = campaign == null ? null : campaign.startDate();
        boolean launching = start != null && !start.isAfter(today.plusDays(LAUNCH_WINDOW_DAYS));
        WorkConsequence consequence = approval.overdue() || launching ? WorkConsequence.HOLDS_UP_A_CAMPAIGN
                : WorkConsequence.DUE_SOON;
        LocalDate due = approval.dueAt() == null ? null : LocalDate.ofInstant(approval.dueAt(), zone);
        LocalDate when = due != null ? due : start;
        String words = due != null ? (approval.overdue() ? "overdue since " : "decision due ") + DAY.format(due)
                : start == null ? null : starts(start, today);
        return new WorkItem(consequence, "approval", "Decide: " + approval.title(),
                approval.scopeName() + " approval waiting for you", approval.campaignId(),
                campaign == null ? null : campaign.name(), when, words, approval.link());
    }

    /**
     * A pre-launch campaign's blocking and warning blockers (information is left to the campaign page). Blockers with
     * the same action and page (the four approval scopes not yet started, say) become one item that names them all.
     * A blocking one holds the campaign up when it starts within the launch window, has started or has no dates; later
     * it is on the critical path. A warning is due soon within the window and would help before it.
     */
    static List<WorkItem> blockers(CampaignSnapshot campaign, List<Blocker> blockers, LocalDate today) {
        Map<String, List<Blocker>> grouped = blockers.stream()
                .filter(b -> b.severity() != BlockerSeverity.INFO)
                .collect(Collectors.groupingBy(b -> b.severity() + "|" + b.action() + "|" + b.fixLink(),
                        LinkedHashMap::new, Collectors.toList()));
        LocalDate start = campaign.startDate();
        boolean launching = start == null || !start.isAfter(today.plusDays(LAUNCH_WINDOW_DAYS));
        List<WorkItem> items = new ArrayList<>();
        for (List<Blocker> group : grouped.values()) {
            Blocker first = group.get(0);
            WorkConsequence consequence = first.severity() == BlockerSeverity.BLOCKING
                    ? (launching ? WorkConsequence.HOLDS_UP_A_CAMPAIGN : WorkConsequence.CRITICAL_PATH)
                    : (launching ? WorkConsequence.DUE_SOON : WorkConsequence.WOULD_HELP);
            String detail = group.size() == 1 ? first.reason()
                    : group.size() + " items: " + group.stream().map(Blocker::title).collect(Collectors.joining(", "));
            String link = first.fixLink() == null ? "/campaigns/" + campaign.id() : first.fixLink();
            items.add(new WorkItem(consequence, "blocker", first.action(), detail, campaign.id(), campaign.name(),
                    start, start == null ? "no dates yet" : starts(start, today), link));
        }
        return items;
    }

    static String starts(LocalDate start, LocalDate today) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, start);
        if (days < 0) {
            return "was to start " + DAY.format(start);
        }
        return days == 0 ? "starts today" : days == 1 ? "starts tomorrow" : "starts in " + days + " days";
    }
}
