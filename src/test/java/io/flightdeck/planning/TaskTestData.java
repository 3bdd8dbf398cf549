package io.flightdeck.planning;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.planning.tasks.TaskTestRows;
import io.flightdeck.planning.team.TeamTestRows;
import io.flightdeck.planning.templates.TemplateTestRows;
import org.springframework.context.ApplicationContext;
import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.planning.templates.TemplateItem;

/**
 * Crafted planning data for the task tests: team profiles (skills, hours per weekday), time off, and a timeline laid
 * out from a hand-made template. Each feature package writes its own rows (see its {@code *TestRows}).
 */
public final class TaskTestData {

    private final TeamTestRows team;
    private final TemplateTestRows templates;
    private final TaskTestRows tasks;
    private final Clock clock;

    public TaskTestData(ApplicationContext context) {
        this.team = new TeamTestRows(context);
        this.templates = new TemplateTestRows(context);
        this.tasks = new TaskTestRows(context);
        this.clock = context.getBean(Clock.class);
    }

    /** A template item for {@link #timeline}: a task of {@code days} working days after the given keys. */
    public static TemplateItem task(String key, String title, int days, double hours, Map<String, Integer> skills,
            String... after) {
        return new TemplateItem(key, title, TaskKind.TASK, days, hours, skills, List.of(after), null);
    }

    public static TemplateItem milestone(String key, String title, String... after) {
        return new TemplateItem(key, title, TaskKind.MILESTONE, 0, 0, Map.of(), List.of(after), null);
    }

    /** Gives a member skills and the same hours every weekday (weekends off), at full capacity. */
    public void profile(UUID workspaceId, UUID userId, Map<String, Integer> skills, double hoursPerWeekday) {
        team.profile(workspaceId, userId, skills, hoursPerWeekday);
    }

    public void timeOff(UUID workspaceId, UUID userId, LocalDate from, LocalDate to) {
        team.timeOff(workspaceId, userId, from, to);
    }

    /** Lays a timeline out forwards from today (or the campaign's later start) from a template of these items. */
    public void timeline(UUID workspaceId, UUID campaignId, List<TemplateItem> items) {
        tasks.timeline(workspaceId, campaignId, templates.crafted(workspaceId, items));
    }

    /** The first working day on or after today, as the plan counts. */
    public LocalDate firstWorkingDay() {
        LocalDate day = LocalDate.now(clock);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
