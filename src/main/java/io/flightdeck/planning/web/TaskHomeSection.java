package io.flightdeck.planning.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.planning.tasks.TaskFilter;
import io.flightdeck.planning.tasks.TaskSort;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page's tasks section for the signed-in member: their open tasks that are overdue and those due this week
 * (to Sunday), soonest first, as My tasks groups them. Declared in {@link TaskHomeConfiguration}.
 */
@Controller
class TaskHomeSection {

    static final int SHOWN = 5;

    private final CampaignTasks tasks;
    private final Clock clock;

    TaskHomeSection(CampaignTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The member's open tasks, optionally only the overdue ones. */
    static TaskFilter mine(UUID memberId, boolean overdue) {
        return TaskFilter.openAssignedTo(memberId, overdue);
    }

    @GetMapping("/home/tasks")
    String tasks(Model model) {
        UUID me = CurrentActor.require().userId();
        long overdueCount = tasks.count(mine(me, true));
        // soonest first: every overdue task comes before this week's, so one page past the overdue ones holds both
        int size = (int) Math.min(overdueCount + 4L * SHOWN, Paging.MAX_SIZE);
        List<TaskView> soonest = tasks.list(mine(me, false), TaskSort.DUE_DATE, PageRequest.of(0, size)).getContent();
        LocalDate weekEnd = LocalDate.now(clock).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<TaskView> thisWeek = soonest.stream()
                .filter(t -> !t.overdue() && t.dueDate() != null && !t.dueDate().isAfter(weekEnd)).toList();
        model.addAttribute("overdueCount", overdueCount);
        model.addAttribute("overdue", soonest.stream().filter(TaskView::overdue).limit(SHOWN).toList());
        model.addAttribute("thisWeekCount", thisWeek.size());
        model.addAttribute("thisWeek", thisWeek.stream().limit(SHOWN).toList());
        return "planning/fragments/home-section :: tasks";
    }
}
