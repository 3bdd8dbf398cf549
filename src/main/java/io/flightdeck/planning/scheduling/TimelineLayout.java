package io.flightdeck.planning.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a plan out on working days: the critical path in day offsets, then dates from a first working day. A buffer of
 * {@code bufferPct} of the plan's length (rounded) follows the last task, so a plan laid out backwards finishes its work
 * that many working days before the end date.
 */
public final class TimelineLayout {

    private TimelineLayout() {
    }

    /** A task or milestone (duration 0) to place; {@code pinnedStart}, when set, is the earliest date it may start. */
    public record Item(String key, int durationDays, LocalDate pinnedStart) {
    }

    /** A placed item: its first and last working day (a milestone's are the same) and its critical-path figures. */
    public record Placed(String key, LocalDate start, LocalDate finish, CriticalPath.Schedule schedule) {
    }

    /**
     * The laid-out plan: first working day, the last working day of work, the end after the buffer, the work's
     * length and the buffer in working days, and every item in dependency order.
     */
    public record Plan(LocalDate start, LocalDate workEnd, LocalDate end, int durationDays, int bufferDays,
            List<Placed> items) {
    }

    /** From the first working day on or after {@code start}; pinned items start no earlier than their pin. */
    public static Plan forward(List<Item> items, List<CriticalPath.Dependency> dependencies, LocalDate start,
            int bufferPct, WorkingCalendar calendar) {
        LocalDate first = calendar.onOrAfter(start);
        List<CriticalPath.Task> tasks = new ArrayList<>(items.size());
        for (Item item : items) {
            int notBefore = item.pinnedStart() == null || !item.pinnedStart().isAfter(first) ? 0
                    : calendar.between(first, calendar.onOrAfter(item.pinnedStart()));
            tasks.add(new CriticalPath.Task(item.key(), item.durationDays(), notBefore));
        }
        return place(CriticalPath.compute(tasks, dependencies), first, bufferPct, calendar);
    }

    /** So that the buffer ends on the last working day on or before {@code end}. Pins are ignored. */
    public static Plan backward(List<Item> items, List<CriticalPath.Dependency> dependencies, LocalDate end,
            int bufferPct, WorkingCalendar calendar) {
        List<CriticalPath.Task> tasks = new ArrayList<>(items.size());
        for (Item item : items) {
            tasks.add(new CriticalPath.Task(item.key(), item.durationDays()));
        }
        CriticalPath.Result result = CriticalPath.compute(tasks, dependencies);
        int total = result.durationDays() + bufferDays(result.durationDays(), bufferPct);
        LocalDate last = calendar.onOrBefore(end);
        LocalDate first = total == 0 ? last : calendar.shift(last, -(total - 1));
        return place(result, first, bufferPct, calendar);
    }

    public static int bufferDays(int durationDays, int bufferPct) {
        return (int) Math.round(durationDays * bufferPct / 100.0);
    }

    private static Plan place(CriticalPath.Result result, LocalDate first, int bufferPct, WorkingCalendar calendar) {
        int duration = result.durationDays();
        int buffer = bufferDays(duration, bufferPct);
        // working day by offset, built once: shifting per item would walk the calendar thousands of times
        List<LocalDate> days = new ArrayList<>(duration + buffer + 1);
        LocalDate day = first;
        while (days.size() < duration + buffer + 1) {
            days.add(day);
            day = calendar.shift(day, 1);
        }
        List<Placed> placed = new ArrayList<>(result.schedules().size());
        for (CriticalPath.Schedule s : result.schedules()) {
            LocalDate start = days.get(s.earliestStart());
            LocalDate finish = s.earliestFinish() > s.earliestStart() ? days.get(s.earliestFinish() - 1) : start;
            placed.add(new Placed(s.key(), start, finish, s));
        }
        LocalDate workEnd = duration == 0 ? first : days.get(duration - 1);
        LocalDate end = duration + buffer == 0 ? first : days.get(duration + buffer - 1);
        return new Plan(first, workEnd, end, duration, buffer, List.copyOf(placed));
    }
}
