package io.flightdeck.planning.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.flightdeck.planning.templates.TaskKind;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.IllegalTransition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.flightdeck.planning.tasks.TaskStatus.BLOCKED;
import static io.flightdeck.planning.tasks.TaskStatus.CANCELLED;
import static io.flightdeck.planning.tasks.TaskStatus.DONE;
import static io.flightdeck.planning.tasks.TaskStatus.IN_PROGRESS;
import static io.flightdeck.planning.tasks.TaskStatus.IN_REVIEW;
import static io.flightdeck.planning.tasks.TaskStatus.TODO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task status machine as the {@link Task} aggregate guards it, without Spring: all 36 pairs of statuses, each move
 * allowed or refused with 409 illegal-transition naming the moves that are; a start waits for open predecessors.
 * The table of legal moves is written out here, not read from the code under test.
 */
@SuppressWarnings("unchecked")
class TaskStatusMachineTests {

    private static final Instant T0 = Instant.parse("2030-06-03T09:00:00Z");
    private static final Instant LATER = T0.plusSeconds(3600);

    /** The legal moves, from the product's rules (docs/planning.md). */
    private static final Map<TaskStatus, Set<TaskStatus>> LEGAL = Map.of(
            TODO, EnumSet.of(IN_PROGRESS, BLOCKED, CANCELLED),
            IN_PROGRESS, EnumSet.of(TODO, BLOCKED, IN_REVIEW, DONE, CANCELLED),
            BLOCKED, EnumSet.of(TODO, IN_PROGRESS, CANCELLED),
            IN_REVIEW, EnumSet.of(IN_PROGRESS, DONE, CANCELLED),
            DONE, EnumSet.of(IN_PROGRESS),
            CANCELLED, EnumSet.of(TODO));

    /** How a new task reaches each status through legal moves. */
    private static final Map<TaskStatus, List<TaskStatus>> PATHS = Map.of(
            TODO, List.of(),
            IN_PROGRESS, List.of(IN_PROGRESS),
            BLOCKED, List.of(BLOCKED),
            IN_REVIEW, List.of(IN_PROGRESS, IN_REVIEW),
            DONE, List.of(IN_PROGRESS, DONE),
            CANCELLED, List.of(CANCELLED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (TaskStatus from : TaskStatus.values()) {
            for (TaskStatus to : TaskStatus.values()) {
                pairs.add(Arguments.of(from, to, LEGAL.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    private static Task taskIn(TaskStatus status) {
        Task task = new Task(UUID.randomUUID(), null, TaskKind.TASK, "Write the copy", UUID.randomUUID(), T0);
        PATHS.get(status).forEach(step -> task.moveTo(step, T0));
        assertThat(task.getStatus()).isEqualTo(status);
        return task;
    }

    @Test
    void theTableCoversAllThirtySixPairs() {
        assertThat(everyPair()).hasSize(36);
        assertThat(LEGAL.keySet()).containsExactlyInAnyOrder(TaskStatus.values());
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @MethodSource("everyPair")
    void aMoveIsAllowedExactlyWhenTheTableSaysSo(TaskStatus from, TaskStatus to, boolean legal) {
        Task task = taskIn(from);

        if (legal) {
            task.moveTo(to, LATER);
            assertThat(task.getStatus()).isEqualTo(to);
            assertThat(task.getUpdatedAt()).isEqualTo(LATER);
            assertThat(task.getCompletedAt()).isEqualTo(to == DONE ? LATER : null);
        } else {
            assertThatThrownBy(() -> task.moveTo(to, LATER))
                    .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                        assertThat(e.type()).isEqualTo("illegal-transition");
                        assertThat(e.properties()).containsEntry("currentState", from.name())
                                .containsEntry("attemptedMove", to.name());
                        assertThat((List<String>) e.properties().get("allowedMoves"))
                                .containsExactlyInAnyOrderElementsOf(LEGAL.get(from).stream().map(Enum::name).toList());
                    });
            assertThat(task.getStatus()).isEqualTo(from);
            assertThat(task.getUpdatedAt()).isEqualTo(T0);
        }
    }

    @Test
    void theStatusSaysTheSameMovesAsTheTable() {
        for (TaskStatus status : TaskStatus.values()) {
            assertThat(status.next()).as("moves from %s", status).isEqualTo(LEGAL.get(status));
        }
    }

    @Test
    void theFirstStartIsKeptAcrossAReopen() {
        Task task = taskIn(TODO);
        task.moveTo(IN_PROGRESS, T0);
        task.moveTo(DONE, LATER);
        task.moveTo(IN_PROGRESS, LATER.plusSeconds(60));

        assertThat(task.getStartedAt()).isEqualTo(T0);
        assertThat(task.getCompletedAt()).isNull();
    }

    @Test
    void aStartWaitsForOpenPredecessorsButOtherMovesDoNot() {
        Task brief = taskIn(TODO);
        Task copy = taskIn(TODO);

        assertThatThrownBy(() -> copy.moveTo(IN_PROGRESS, List.of(brief), null, LATER))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.type()).isEqualTo("predecessors-open");
                    assertThat(e.getMessage()).isEqualTo("Write the copy cannot start while Write the copy is still open");
                    assertThat((List<Map<String, Object>>) e.properties().get("predecessors"))
                            .singleElement().satisfies(p -> assertThat(p).containsEntry("id", brief.getId())
                                    .containsEntry("status", TODO));
                });
        assertThat(copy.getStatus()).isEqualTo(TODO);

        copy.moveTo(BLOCKED, List.of(brief), null, LATER); // blocking or cancelling is no start
        assertThat(copy.getStatus()).isEqualTo(BLOCKED);
    }

    @Test
    void anIllegalMoveIsRefusedBeforeThePredecessorsAreLookedAt() {
        Task brief = taskIn(TODO);
        Task copy = taskIn(TODO);

        assertThatThrownBy(() -> copy.moveTo(DONE, List.of(brief), null, LATER)).isInstanceOf(IllegalTransition.class);
    }
}
