package io.flightdeck.planning.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;

import io.flightdeck.planning.tasks.CampaignTasks;
import io.flightdeck.planning.tasks.TaskFilter;
import io.flightdeck.planning.tasks.TaskSort;
import io.flightdeck.planning.tasks.TaskStatus;
import io.flightdeck.planning.tasks.TaskView;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in member's open tasks across campaigns, grouped: overdue, due this week, later, and undated. */
@Controller
class MyTasksPagesController {

    private final CampaignTasks tasks;
    private final Clock clock;

    MyTasksPagesController(CampaignTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** One group of the page. */
    record Group(String key, String title, List<TaskView> tasks) {
    }

    @GetMapping("/tasks/mine")
    String mine(Model model) {
        TaskFilter filter = new TaskFilter(null,
                EnumSet.of(TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.IN_REVIEW),
                CurrentActor.require().userId(), false, null, null, false, false, null);
        Page<TaskView> page = tasks.list(filter, TaskSort.DUE_DATE, Paging.of(0, Paging.MAX_SIZE, Sort.unsorted()));
        LocalDate today = LocalDate.now(clock);
        LocalDate weekEnd = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<TaskView> all = page.getContent();
        model.addAttribute("groups", List.of(
                new Group("overdue", "Overdue", all.stream().filter(TaskView::overdue).toList()),
                new Group("this-week", "This week", all.stream()
                        .filter(t -> !t.overdue() && t.dueDate() != null && !t.dueDate().isAfter(weekEnd)).toList()),
                new Group("later", "Later", all.stream()
                        .filter(t -> !t.overdue() && t.dueDate() != null && t.dueDate().isAfter(weekEnd)).toList()),
                new Group("no-date", "No due date", all.stream().filter(t -> t.dueDate() == null).toList())));
        model.addAttribute("total", page.getTotalElements());
        model.addAttribute("shown", all.size());
        TaskPages.addRoles(model);
        return "planning/my-tasks";
    }
}
