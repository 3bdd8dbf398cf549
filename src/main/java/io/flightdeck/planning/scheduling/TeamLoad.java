package io.flightdeck.planning.scheduling;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * The team's hours per member per day over a span: what each can work and what is already assigned. Many tasks, each
 * with its own window, are weighed against one load, and each choice adds its hours, so a bulk assignment respects
 * everyone's week off and sees its own earlier choices, without a query per task.
 */
public final class TeamLoad {

    private final LocalDate first;
    private final int days;
    private final WorkingCalendar calendar;
    private final Map<UUID, Member> members = new LinkedHashMap<>();

    private record Member(UUID id, String name, Map<String, Integer> skills, double[] available, double[] assigned) {
    }

    /** Covers {@code first} to {@code last}, both included; outside that, nobody has hours. */
    public TeamLoad(LocalDate first, LocalDate last, WorkingCalendar calendar) {
        this.first = first;
        this.days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        this.calendar = calendar;
    }

    /** A member and the hours they can work on each day (the calendar's days off count as 0). */
    public void addMember(UUID id, String name, Map<String, Integer> skills, ToDoubleFunction<LocalDate> hoursOn) {
        double[] available = new double[days];
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            available[i] = calendar.isWorkingDay(day) ? hoursOn.applyAsDouble(day) : 0;
        }
        members.put(id, new Member(id, name, Map.copyOf(skills), available, new double[days]));
    }

    /** Work assigned to a member: its hours spread evenly over the working days from start to due. */
    public void addWork(UUID memberId, LocalDate start, LocalDate due, double hours) {
        Member member = members.get(memberId);
        if (member == null || start == null || due == null || due.isBefore(start)) {
            return;
        }
        int workingDays = 0;
        for (LocalDate d = start; !d.isAfter(due); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                workingDays++;
            }
        }
        if (workingDays == 0) {
            return;
        }
        double perDay = hours / workingDays;
        int from = Math.max(0, index(start));
        int to = Math.min(days - 1, index(due));
        for (int i = from; i <= to; i++) {
            if (calendar.isWorkingDay(first.plusDays(i))) {
                member.assigned()[i] += perDay;
            }
        }
    }

    /** Every member as a candidate for a task running from {@code from} to {@code to}. */
    public List<AutoAssignment.Candidate> candidates(LocalDate from, LocalDate to) {
        int a = Math.max(0, index(from));
        int b = Math.min(days - 1, index(to));
        List<AutoAssignment.Candidate> candidates = new ArrayList<>(members.size());
        for (Member m : members.values()) {
            double available = 0;
            double assigned = 0;
            for (int i = a; i <= b; i++) {
                available += m.available()[i];
                assigned += m.assigned()[i];
            }
            candidates.add(new AutoAssignment.Candidate(m.id(), m.name(), m.skills(), available, assigned));
        }
        return candidates;
    }

    private int index(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(first, day);
    }
}
