package io.flightdeck.shared;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The guarded-transition idiom on a small machine of its own: the refusal names the state, the move and the way out. */
class StateMoveTests {

    enum Door { OPEN, CLOSED, LOCKED }

    enum DoorMove implements StateMove<Door> {
        CLOSE(EnumSet.of(Door.OPEN), true),
        OPEN(EnumSet.of(Door.CLOSED), true),
        LOCK(EnumSet.of(Door.CLOSED), true),
        PICK_LOCK(EnumSet.of(Door.LOCKED), true),
        SETTLE(EnumSet.allOf(Door.class), false);

        private final Set<Door> from;
        private final boolean offered;

        DoorMove(Set<Door> from, boolean offered) {
            this.from = from;
            this.offered = offered;
        }

        @Override
        public boolean allowedFrom(Door state) {
            return from.contains(state);
        }

        @Override
        public boolean offered() {
            return offered;
        }
    }

    @Test
    void anAllowedMovePasses() {
        DoorMove.LOCK.requireFrom(Door.CLOSED, "door");
        assertThat(StateMove.offeredFrom(Door.CLOSED, DoorMove.class)).containsExactly(DoorMove.OPEN, DoorMove.LOCK);
    }

    @Test
    void aRefusedMoveNamesTheStateTheMoveAndTheOfferedMovesInOneShape() {
        IllegalTransition refused = catchThrowableOfType(IllegalTransition.class,
                () -> DoorMove.LOCK.requireFrom(Door.OPEN, "door"));
        assertThat(refused.type()).isEqualTo("illegal-transition");
        assertThat(refused.properties()).containsEntry("currentState", "OPEN")
                .containsEntry("attemptedMove", "lock")
                .containsEntry("allowedMoves", List.of("close"));
        assertThat(refused.getMessage()).isEqualTo("Cannot lock a door that is open. Allowed now: close.");
        assertThat(refused).isInstanceOf(ConflictException.class);
    }

    @Test
    void movesOnlyTheSystemMakesAreNeverOfferedAndAnEmptyWayOutIsSaid() {
        IllegalTransition refused = catchThrowableOfType(IllegalTransition.class,
                () -> DoorMove.OPEN.requireFrom(Door.LOCKED, "old door"));
        assertThat(refused.properties()).containsEntry("allowedMoves", List.of("pick-lock"));
        assertThat(refused.getMessage()).isEqualTo("Cannot open an old door that is locked. Allowed now: pick lock.");

        IllegalTransition none = new IllegalTransition("Nothing to do", Door.LOCKED, "open", List.of());
        assertThat(none.properties()).containsEntry("allowedMoves", List.of());
        assertThat(IllegalTransition.orList(List.of("a", "b", "c"))).isEqualTo("a, b or c");
    }
}
