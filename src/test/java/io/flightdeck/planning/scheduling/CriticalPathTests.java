package io.flightdeck.planning.scheduling;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.planning.scheduling.CriticalPath.Dependency;
import io.flightdeck.planning.scheduling.CriticalPath.Schedule;
import io.flightdeck.planning.scheduling.CriticalPath.Task;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Graphs small enough to check by hand; the expected figures are worked out in the comments. */
class CriticalPathTests {

    private static Map<String, Schedule> byKey(CriticalPath.Result result) {
        return result.schedules().stream().collect(Collectors.toMap(Schedule::key, Function.identity()));
    }

    private static Dependency dep(String from, String to) {
        return new Dependency(from, to);
    }

    @Test
    void aChainIsCriticalFromEndToEnd() {
        // A(2) → B(3) → C(1): 6 days, no slack anywhere
        var result = CriticalPath.compute(List.of(new Task("A", 2), new Task("B", 3), new Task("C", 1)),
                List.of(dep("A", "B"), dep("B", "C")));
        var s = byKey(result);
        assertThat(result.durationDays()).isEqualTo(6);
        assertThat(s.get("B")).isEqualTo(new Schedule("B", 2, 5, 2, 5));
        assertThat(s.get("C")).isEqualTo(new Schedule("C", 5, 6, 5, 6));
        assertThat(result.criticalKeys()).containsExactly("A", "B", "C");
    }

    @Test
    void theShorterOfTwoParallelPathsHasSlack() {
        // Start(0) → Copy(5) → Review(2) → Launch(0); Start → Design(3) → Launch. Copy+Review = 7, Design = 3:
        // Design may start as late as day 4 (slack 4).
        var result = CriticalPath.compute(List.of(new Task("Start", 0), new Task("Copy", 5), new Task("Review", 2),
                new Task("Design", 3), new Task("Launch", 0)),
                List.of(dep("Start", "Copy"), dep("Copy", "Review"), dep("Review", "Launch"), dep("Start", "Design"),
                        dep("Design", "Launch")));
        var s = byKey(result);
        assertThat(result.durationDays()).isEqualTo(7);
        assertThat(s.get("Design")).isEqualTo(new Schedule("Design", 0, 3, 4, 7));
        assertThat(s.get("Design").slack()).isEqualTo(4);
        assertThat(s.get("Launch")).isEqualTo(new Schedule("Launch", 7, 7, 7, 7));
        assertThat(result.criticalKeys()).containsExactlyInAnyOrder("Start", "Copy", "Review", "Launch");
    }

    @Test
    void equalParallelPathsAreBothCritical() {
        // A(4) and B(4) both feed C(2): a zero-slack tie, both critical
        var result = CriticalPath.compute(List.of(new Task("A", 4), new Task("B", 4), new Task("C", 2)),
                List.of(dep("A", "C"), dep("B", "C")));
        assertThat(result.durationDays()).isEqualTo(6);
        assertThat(result.criticalKeys()).containsExactlyInAnyOrder("A", "B", "C");
    }

    @Test
    void aDiamondWithAJoinTakesTheLongestBranch() {
        // A(1) → B(2) → D(1); A → C(4) → D; C → E(1). End = max(D: 1+4+1 = 6, E: 1+4+1 = 6) = 6.
        // B: ES 1, EF 3, LF = LS(D) = 5, LS 3, slack 2. E: ES 5, EF 6, critical.
        var result = CriticalPath.compute(List.of(new Task("A", 1), new Task("B", 2), new Task("C", 4),
                new Task("D", 1), new Task("E", 1)),
                List.of(dep("A", "B"), dep("A", "C"), dep("B", "D"), dep("C", "D"), dep("C", "E")));
        var s = byKey(result);
        assertThat(result.durationDays()).isEqualTo(6);
        assertThat(s.get("B")).isEqualTo(new Schedule("B", 1, 3, 3, 5));
        assertThat(result.criticalKeys()).containsExactlyInAnyOrder("A", "C", "D", "E");
    }

    @Test
    void unconnectedTasksFloatToTheEnd() {
        // X(1) alone beside Y(5): X may start as late as day 4
        var s = byKey(CriticalPath.compute(List.of(new Task("X", 1), new Task("Y", 5)), List.of()));
        assertThat(s.get("X").slack()).isEqualTo(4);
        assertThat(s.get("Y").critical()).isTrue();
    }

    @Test
    void aCycleIsRefusedWithItsTasksInOrder() {
        // A → B → C → A, with D hanging off C: the cycle is A, B, C (D is downstream, not part of it)
        assertThatThrownBy(() -> CriticalPath.compute(
                List.of(new Task("A", 1), new Task("B", 1), new Task("C", 1), new Task("D", 1)),
                List.of(dep("A", "B"), dep("B", "C"), dep("C", "A"), dep("C", "D"))))
                .isInstanceOfSatisfying(CriticalPath.CycleException.class, e -> {
                    assertThat(e.cycle()).hasSize(4);
                    assertThat(e.cycle().get(0)).isEqualTo(e.cycle().get(3));
                    assertThat(e.cycle().subList(0, 3)).containsExactlyInAnyOrder("A", "B", "C");
                    List<String> c = e.cycle();
                    for (int i = 0; i < 3; i++) { // each step follows a dependency
                        assertThat(List.of("A>B", "B>C", "C>A")).contains(c.get(i) + ">" + c.get(i + 1));
                    }
                    assertThat(e.getMessage()).contains("cycle");
                });
    }

    @Test
    void aTaskDependingOnItselfIsACycle() {
        assertThatThrownBy(() -> CriticalPath.compute(List.of(new Task("A", 1)), List.of(dep("A", "A"))))
                .isInstanceOfSatisfying(CriticalPath.CycleException.class,
                        e -> assertThat(e.cycle()).containsExactly("A", "A"));
    }

    @Test
    void unknownTasksAndNegativeDurationsAreRefused() {
        assertThatThrownBy(() -> CriticalPath.compute(List.of(new Task("A", 1)), List.of(dep("A", "Z"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown task");
        assertThatThrownBy(() -> new Task("A", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
