package io.flightdeck.planning.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.campaigns.ReadinessSubject;
import io.flightdeck.planning.settings.PlanningSettingsService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the campaign's plan says about launching: its critical-path tasks have someone, none of them is late, and the
 * plan ends by the campaign's end date. Three items of weight 10 each (half an item of the campaign's own form).
 * <p>
 * None of them blocks, on purpose: a plan is a forecast the team can act on, not a sign-off, and a manager who knows
 * the copywriter starts Monday may launch anyway. They lower the score instead; all three missing cost 30 of the
 * points, so they alone do not drop an otherwise complete campaign below the default threshold of 80, but together
 * with anything else missing they do.
 * <p>
 * The plan-fits item also asks a launch to confirm it while the plan runs late ({@code warnsAtLaunch}): campaigns
 * names it in the launch confirmation without knowing about plans.
 * <p>
 * A campaign without a timeline gets no items: there is no plan to judge, and hand-dated tasks have no critical path.
 * Reads the timeline and the campaign's tasks (and the calendar when there is an end date to meet); writes nothing.
 */
@Component
@Order(30)
class PlanningReadiness implements ReadinessCheck {

    static final int WEIGHT = 10;
    /** How many task titles a reason names before it says "and N more". */
    private static final int NAMED = 3;

    private final TimelineRepository timelines;
    private final TaskRepository tasks;
    private final PlanningSettingsService settings;
    private final Clock clock;

    PlanningReadiness(TimelineRepository timelines, TaskRepository tasks, PlanningSettingsService settings,
            Clock clock) {
        this.timelines = timelines;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        Timeline timeline = timelines.findByCampaignId(campaign.id()).orElse(null);
        if (timeline == null) {
            return List.of();
        }
        String base = "/campaigns/" + campaign.id();
        LocalDate today = LocalDate.now(clock);
        List<CriticalTask> critical = tasks.findOpenCritical(campaign.id());
        List<CriticalTask> unassigned = critical.stream().filter(t -> t.assigneeId() == null).toList();
        List<CriticalTask> late = critical.stream().filter(t -> t.overdue(today)).toList();
        int overrun = campaign.endDate() == null ? 0
                : TimelinePlanner.overrun(timeline.getEndDate(), campaign.endDate(), settings.calendar());
        return List.of(
                new ReadinessItem("planning.critical-assigned", "Critical tasks assigned", unassigned.isEmpty(), WEIGHT,
                        false, unassigned.isEmpty() ? everyone(critical.size())
                                : count(unassigned) + " on the critical path " + (unassigned.size() == 1 ? "has" : "have")
                                        + " nobody: " + titles(unassigned),
                        base + "/tasks?atRisk=true").withAction("Assign the critical tasks").about(subjects(unassigned)),
                new ReadinessItem("planning.critical-on-time", "Critical tasks on time", late.isEmpty(), WEIGHT, false,
                        late.isEmpty() ? "No critical task is past its due date"
                                : count(late) + " on the critical path " + (late.size() == 1 ? "is" : "are")
                                        + " past " + (late.size() == 1 ? "its" : "their") + " due date: " + titles(late)
                                        + "; every day late moves the plan's end",
                        base + "/tasks?overdue=true").withAction("Finish or reschedule the late tasks")
                        .about(subjects(late)),
                new ReadinessItem("planning.plan-fits", "Plan ends by the end date", overrun == 0, WEIGHT, false,
                        campaign.endDate() == null ? "The campaign has no end date to meet"
                                : overrun == 0 ? "The plan ends on " + timeline.getEndDate() + ", by the end date "
                                        + campaign.endDate()
                                        : TimelineViews.warning(campaign.endDate(), overrun)
                                                + "; shorten tasks, drop dependencies or move the end date",
                        base + "/timeline").warningAtLaunch()
                        .withAction("Shorten the plan or move the end date")
                        .about(ReadinessSubject.of("timeline", timeline.getId(), "Timeline", base + "/timeline")));
    }

    private static List<ReadinessSubject> subjects(List<CriticalTask> list) {
        return list.stream().map(t -> ReadinessSubject.of("task", t.id(), t.title(), "/tasks/" + t.id()))
                .toList();
    }

    private static String everyone(int critical) {
        return critical == 0 ? "No open task is on the critical path"
                : "All " + critical + " open critical " + (critical == 1 ? "task has" : "tasks have") + " someone";
    }

    private static String count(List<CriticalTask> list) {
        return list.size() + (list.size() == 1 ? " task" : " tasks");
    }

    private static String titles(List<CriticalTask> list) {
        String named = list.stream().limit(NAMED).map(CriticalTask::title).collect(Collectors.joining(", "));
        return list.size() > NAMED ? named + " and " + (list.size() - NAMED) + " more" : named;
    }
}
