package io.flightdeck.bench;

import io.flightdeck.planning.domain.AutoAssignment;
import io.flightdeck.planning.domain.CriticalPath;
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

    /** {@code members} members with 2–6 of the skills at levels 1–5, 16–160 h available, 0–60 % of it assigned. */
    static List<AutoAssignment.Candidate> team(int members, long seed) {
        Random random = new Random(seed);
        List<AutoAssignment.Candidate> team = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            int count = 2 + random.nextInt(5);
            while (skills.size() < count) {
                skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(5));
            }
            double available = 16 + 8 * random.nextInt(19);
            double assigned = Math.round(available * 0.6 * random.nextDouble());
            team.add(new AutoAssignment.Candidate(new UUID(random.nextLong(), random.nextLong()),
                    String.format("Member %03d", i), skills, available, assigned));
        }
        return List.copyOf(team);
    }

    /** {@code tasks} needs of 1–3 skills at minimum levels 1–3, estimated at 1–12 h. */
    static List<AutoAssignment.Need> needs(int tasks, long seed) {
        Random random = new Random(seed);
        List<AutoAssignment.Need> needs = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            Map<String, Integer> skills = new LinkedHashMap<>();
            int count = 1 + random.nextInt(3);
            while (skills.size() < count) {
                skills.put(SKILLS.get(random.nextInt(SKILLS.size())), 1 + random.nextInt(3));
            }
            needs.add(new AutoAssignment.Need("TASK-" + i, skills, 1 + random.nextInt(12)));
        }
        return List.copyOf(needs);
    }
}
