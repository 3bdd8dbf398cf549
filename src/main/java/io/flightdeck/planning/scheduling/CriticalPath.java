package io.flightdeck.planning.scheduling;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The critical path method over finish-to-start dependencies, in working days: a forward pass gives each task's
 * earliest start and finish, a backward pass from the project's end its latest, and slack is their difference; tasks
 * with no slack are critical. Runs in O(tasks + dependencies) with a topological order (Kahn), so it stays fast for
 * thousands of tasks; a cycle is refused with the tasks that form it.
 */
public final class CriticalPath {

    private CriticalPath() {
    }

    /**
     * A task to schedule: its key, how many working days it takes (0 for a milestone) and the earliest day offset it
     * may start on (a date someone pinned it to; 0 when free).
     */
    public record Task(String key, int durationDays, int notBefore) {

        public Task {
            if (durationDays < 0) {
                throw new IllegalArgumentException("duration must not be negative: " + key);
            }
        }

        public Task(String key, int durationDays) {
            this(key, durationDays, 0);
        }
    }

    /** {@code successor} starts after {@code predecessor} finishes. */
    public record Dependency(String predecessor, String successor) {
    }

    /** Day offsets from the plan's first working day; a task runs over days [start, finish). */
    public record Schedule(String key, int earliestStart, int earliestFinish, int latestStart, int latestFinish) {

        public int slack() {
            return latestStart - earliestStart;
        }

        public boolean critical() {
            return slack() == 0;
        }
    }

    /** The schedule per task in topological order, and the plan's length in working days. */
    public record Result(List<Schedule> schedules, int durationDays) {

        public List<String> criticalKeys() {
            return schedules.stream().filter(Schedule::critical).map(Schedule::key).toList();
        }
    }

    /** The dependencies form a cycle; {@code cycle} lists its tasks in order, the first repeated at the end. */
    public static final class CycleException extends IllegalArgumentException {

        private final List<String> cycle;

        CycleException(List<String> cycle) {
            super("The dependencies form a cycle: " + String.join(" → ", cycle));
            this.cycle = List.copyOf(cycle);
        }

        public List<String> cycle() {
            return cycle;
        }
    }

    public static Result compute(List<Task> tasks, List<Dependency> dependencies) {
        int n = tasks.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (index.put(tasks.get(i).key(), i) != null) {
                throw new IllegalArgumentException("duplicate task " + tasks.get(i).key());
            }
        }
        List<List<Integer>> successors = new ArrayList<>(n);
        List<List<Integer>> predecessors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            successors.add(new ArrayList<>(2));
            predecessors.add(new ArrayList<>(2));
        }
        int[] indegree = new int[n];
        for (Dependency d : dependencies) {
            Integer from = index.get(d.predecessor());
            Integer to = index.get(d.successor());
            if (from == null || to == null) {
                throw new IllegalArgumentException("unknown task in dependency " + d);
            }
            successors.get(from).add(to);
            predecessors.get(to).add(from);
            indegree[to]++;
        }
        int[] order = topologicalOrder(n, successors, indegree.clone());
        if (order.length < n) {
            throw new CycleException(findCycle(tasks, predecessors, order));
        }
        int[] es = new int[n];
        int[] ef = new int[n];
        int end = 0;
        for (int i : order) {
            int start = Math.max(0, tasks.get(i).notBefore());
            for (int p : predecessors.get(i)) {
                start = Math.max(start, ef[p]);
            }
            es[i] = start;
            ef[i] = start + tasks.get(i).durationDays();
            end = Math.max(end, ef[i]);
        }
        int[] ls = new int[n];
        int[] lf = new int[n];
        for (int k = n - 1; k >= 0; k--) {
            int i = order[k];
            int finish = end;
            for (int s : successors.get(i)) {
                finish = Math.min(finish, ls[s]);
            }
            lf[i] = finish;
            ls[i] = finish - tasks.get(i).durationDays();
        }
        List<Schedule> schedules = new ArrayList<>(n);
        for (int i : order) {
            schedules.add(new Schedule(tasks.get(i).key(), es[i], ef[i], ls[i], lf[i]));
        }
        return new Result(schedules, end);
    }

    private static int[] topologicalOrder(int n, List<List<Integer>> successors, int[] indegree) {
        int[] order = new int[n];
        int size = 0;
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[size++] = i;
            for (int s : successors.get(i)) {
                if (--indegree[s] == 0) {
                    ready.add(s);
                }
            }
        }
        return size == n ? order : java.util.Arrays.copyOf(order, size);
    }

    /**
     * Every task the topological order could not place still waits for an unplaced predecessor, so walking
     * predecessors from one of them must meet a task again: those tasks form a cycle (listed forwards).
     */
    private static List<String> findCycle(List<Task> tasks, List<List<Integer>> predecessors, int[] placed) {
        boolean[] done = new boolean[tasks.size()];
        for (int i : placed) {
            done[i] = true;
        }
        int start = 0;
        while (done[start]) {
            start++;
        }
        Map<Integer, Integer> seenAt = new LinkedHashMap<>();
        List<Integer> path = new ArrayList<>();
        int current = start;
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, path.size());
            path.add(current);
            for (int p : predecessors.get(current)) {
                if (!done[p]) {
                    current = p;
                    break;
                }
            }
        }
        List<Integer> loop = new ArrayList<>(path.subList(seenAt.get(current), path.size()));
        Collections.reverse(loop);
        List<String> cycle = new ArrayList<>();
        loop.forEach(i -> cycle.add(tasks.get(i).key()));
        cycle.add(cycle.get(0));
        return Collections.unmodifiableList(cycle);
    }
}
