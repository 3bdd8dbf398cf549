package io.flightdeck.bench;

import io.flightdeck.planning.scheduling.AutoAssignment;
import io.flightdeck.planning.scheduling.CriticalPath;
import io.flightdeck.planning.scheduling.TeamLoad;
import io.flightdeck.planning.scheduling.WorkingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Deterministic inputs for the planning benchmarks: the same seed gives the same data on every run. */
final class PlanData {

    static final long SEED = 20261121L;

    static final List<String> SKILLS = List.of("copywriting", "design", "video", "seo", "analytics", "email",
            "social", "paid-search", "events", "pr", "web", "translation");

    private PlanData() {
    }

    /** A random DAG: tasks and finish-to-start dependencies, both in shuffled order. */
    record Graph(List<String> keys, int[] durations, List<CriticalPath.Dependency> dependencies) {
    }

    /**
     * {@code tasks} tasks of 0–10 working days and {@code dependencies} distinct dependencies, each from a lower to a
     * higher index (so no cycle) and at most {@code window} indexes apart, which keeps the paths long. Tasks and
     * dependencies are then shuffled so the input is not already in topological order.
     */
    static Graph graph(int tasks, int dependencies, int window, long seed) {
        Random random = new Random(seed);
        List<String> keys = new ArrayList<>(tasks);
        int[] durations = new int[tasks];
        for (int i = 0; i < tasks; i++) {
            keys.add("T-" + i);
            durations[i] = random.nextInt(11);
        }
        Set<Long> seen = new HashSet<>();
        List<CriticalPath.Dependency> deps = new ArrayList<>(dependencies);
        while (deps.size() < dependencies) {
            int to = 1 + random.nextInt(tasks - 1);
            int from = to - 1 - random.nextInt(Math.min(to, window));
            if (seen.add((long) from * tasks + to)) {
                deps.add(new CriticalPath.Dependency(keys.get(from), keys.get(to)));
            }
        }
        Collections.shuffle(deps, random);
        // shuffle keys and durations together
        Integer[] order = new Integer[tasks];
        for (int i = 0; i < tasks; i++) {
            order[i] = i;
        }
        List<Integer> perm = new ArrayList<>(List.of(order));
        Collections.shuffle(perm, random);
        List<String> shuffledKeys = new ArrayList<>(tasks);
        int[] shuffledDurations = new int[tasks];
        for (int i = 0; i < tasks; i++) {
            shuffledKeys.add(keys.get(perm.get(i)));
            shuffledDurations[i] = durations[perm.get(i)];
        }
        return new Graph(List.copyOf(shuffledKeys), shuffledDurations, List.copyOf(deps));
    }

    /** The span the team's load covers: twelve weeks from a Monday. */
    static final LocalDate FIRST = LocalDate.of(2031, 3, 3);
    static final LocalDate LAST = FIRST.plusWeeks(12).minusDays(1);

    /** One member of the benchmark team: skills, hours a day (4–8), a week off for some, and work already assigned. */
    record Member(UUID id, String name, Map<String, Integer> skills, double hoursPerDay, LocalDate offFrom,
            List<LocalDate[]> work) {
    }

    /** {@code members} members with 2–6 skills at levels 1–5; a third of them take a week off; 0–6 tasks each. */
    static List<Member> team(int members, long seed) {
        Random random = new Random(seed);
        List<Member> team = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            int count = 2 + random.nextInt(5);
            while (skills.size() < count) {
                skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(5));
            }
            LocalDate off = random.nextInt(3) == 0 ? FIRST.plusWeeks(random.nextInt(12)) : null;
            List<LocalDate[]> work = new ArrayList<>();
            for (int w = random.nextInt(7); w > 0; w--) {
                LocalDate start = FIRST.plusDays(random.nextInt(80));
                work.add(new LocalDate[] {start, start.plusDays(random.nextInt(10))});
            }
            team.add(new Member(new UUID(random.nextLong(), random.nextLong()), String.format("Member %03d", i), skills,
                    4 + random.nextInt(5), off, work));
        }
        return List.copyOf(team);
    }

    /** The team's load over the span, as TeamCapacity builds it from the database (without the queries). */
    static TeamLoad load(List<Member> team, WorkingCalendar calendar) {
        TeamLoad load = new TeamLoad(FIRST, LAST, calendar);
        for (Member m : team) {
            load.addMember(m.id(), m.name(), m.skills(), day -> m.offFrom() != null && !day.isBefore(m.offFrom())
                    && day.isBefore(m.offFrom().plusWeeks(1)) ? 0 : m.hoursPerDay());
        }
        for (Member m : team) {
            for (LocalDate[] w : m.work()) {
                load.addWork(m.id(), w[0], w[1], 6);
            }
        }
        return load;
    }

    /**
     * {@code tasks} tasks of 1–3 skills at minimum levels 1–3, estimated at 1–12 h, each running 1–10 days somewhere
     * in the span.
     */
    static List<AutoAssignment.Dated> needs(int tasks, long seed) {
        Random random = new Random(seed);
        List<AutoAssignment.Dated> needs = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            int count = 1 + random.nextInt(3);
            while (skills.size() < count) {
                skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(3));
            }
            LocalDate from = FIRST.plusDays(random.nextInt(74));
            needs.add(new AutoAssignment.Dated(new AutoAssignment.Need("TASK-" + i, skills, 1 + random.nextInt(12)),
                    from, from.plusDays(random.nextInt(10))));
        }
        return List.copyOf(needs);
    }
}
