package io.flightdeck.bench;

import io.flightdeck.planning.scheduling.CriticalPath;
import io.flightdeck.planning.scheduling.TimelineLayout;
import io.flightdeck.planning.scheduling.WorkingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5: a timeline of 2,000 tasks and 6,000 finish-to-start dependencies, a random DAG with a fixed seed: 0–10
 * working days per task, dependencies only from a lower to a higher index and at most {@code window} indexes apart.
 * {@link #criticalPath} is the critical path method alone; {@link #backward} is the whole timeline generation, laid
 * out backwards from an end date (it computes the critical path too) on a calendar with 10 holidays. Aim: under 20 ms
 * for generation and critical path.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TimelineBenchmark {

    static final int TASKS = 2_000;
    static final int DEPENDENCIES = 6_000;
    static final int BUFFER_PCT = 10;
    static final LocalDate END = LocalDate.of(2030, 12, 20);

    /**
     * A dependency spans at most this many task indexes, which keeps paths long: with 100 the plan takes 728 working
     * days and 159 tasks are critical. {@code -p window=10} gives the extreme of an almost linear plan (4,553 days,
     * 822 critical tasks), {@code -p window=2000} a plan with no locality (203 days, 30 critical tasks).
     */
    @Param("100")
    int window;

    List<CriticalPath.Task> tasks;
    List<TimelineLayout.Item> items;
    List<CriticalPath.Dependency> dependencies;
    WorkingCalendar calendar;

    @Setup
    public void setUp() {
        PlanData.Graph graph = PlanData.graph(TASKS, DEPENDENCIES, window, PlanData.SEED);
        tasks = new ArrayList<>(TASKS);
        items = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            tasks.add(new CriticalPath.Task(graph.keys().get(i), graph.durations()[i]));
            items.add(new TimelineLayout.Item(graph.keys().get(i), graph.durations()[i], null));
        }
        tasks = List.copyOf(tasks);
        items = List.copyOf(items);
        dependencies = graph.dependencies();
        calendar = new WorkingCalendar(Set.of(
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 4, 19), LocalDate.of(2030, 4, 22),
                LocalDate.of(2030, 5, 1), LocalDate.of(2030, 5, 30), LocalDate.of(2030, 6, 10),
                LocalDate.of(2030, 10, 3), LocalDate.of(2030, 12, 24), LocalDate.of(2030, 12, 25),
                LocalDate.of(2030, 12, 26)));
        CriticalPath.Result result = CriticalPath.compute(tasks, dependencies);
        TimelineLayout.Plan plan = TimelineLayout.backward(items, dependencies, END, BUFFER_PCT, calendar);
        System.out.printf("%n[data] %d tasks, %d dependencies, window %d: %d working days, %d critical tasks; "
                + "backward plan %s .. %s (+%d buffer days)%n", tasks.size(), dependencies.size(), window,
                result.durationDays(), result.criticalKeys().size(), plan.start(), plan.end(), plan.bufferDays());
    }

    @Benchmark
    public CriticalPath.Result criticalPath() {
        return CriticalPath.compute(tasks, dependencies);
    }

    @Benchmark
    public TimelineLayout.Plan backward() {
        return TimelineLayout.backward(items, dependencies, END, BUFFER_PCT, calendar);
    }
}
