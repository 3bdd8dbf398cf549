package io.flightdeck.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The guarded-transition idiom on a small machine of its own: the refusal names the state, the move and the way out. */
class StateMoveTests {

    enum Door { OPEN, CLOSED, LOCKED }

    enum DoorMove implements RuledMove<Door> {
        CLOSE(MoveRule.of(Door.OPEN)),
        OPEN(MoveRule.of(Door.CLOSED)),
        LOCK(MoveRule.of(Door.CLOSED)),
        PICK_LOCK(MoveRule.said("pick the lock of", Door.LOCKED)),
        SETTLE(MoveRule.system("settle", Door.OPEN, Door.CLOSED, Door.LOCKED));

        private final MoveRule<Door> rule;

        DoorMove(MoveRule<Door> rule) {
            this.rule = rule;
        }

        @Override
        public MoveRule<Door> rule() {
            return rule;
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

    @Test
    void aMoveIsSaidInItsOwnWordsWhereItsNameDoesNotSayIt() {
        IllegalTransition refused = catchThrowableOfType(IllegalTransition.class,
                () -> DoorMove.PICK_LOCK.requireFrom(Door.OPEN, "door"));
        assertThat(refused.getMessage()).isEqualTo("Cannot pick the lock of a door that is open. Allowed now: close.");
        assertThat(refused.properties()).containsEntry("attemptedMove", "pick-lock");
        assertThat(DoorMove.SETTLE.offered()).isFalse();
        assertThat(DoorMove.SETTLE.inWords()).isEqualTo("settle");
    }
}
