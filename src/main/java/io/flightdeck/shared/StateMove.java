package io.flightdeck.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One move of a state machine whose moves are an enum: each constant declares the states it may be made from, so the
 * machine's rules sit in one enum and the aggregate guards every move with {@link #requireFrom}. A refused move is an
 * {@link IllegalTransition} naming the moves the state does allow.
 *
 * @param <S> the machine's states
 */
public interface StateMove<S extends Enum<S>> {

    /** Whether the move may be made from this state. */
    boolean allowedFrom(S state);

    /** The move as a client names it: the constant in kebab case (mark-ready), a path segment where it is one. */
    default String moveName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The move as a verb in a sentence: Cannot (mark ready) a campaign. */
    default String inWords() {
        return moveName().replace('-', ' ');
    }

    /**
     * Whether people ask for this move (through the API or a page). A move only the system makes, such as a runner
     * recording an attempt, is still guarded but never listed among the moves a client may try instead.
     */
    default boolean offered() {
        return true;
    }

    /** Refuses the move when the state does not allow it. */
    default void requireFrom(S state, String subject) {
        if (!allowedFrom(state)) {
            throw IllegalTransition.refusing(this, state, subject, offeredFrom(state, movesOf(this)));
        }
    }

    /** The offered moves of this enum allowed from the state, in declaration order. */
    static <S extends Enum<S>, M extends Enum<M> & StateMove<S>> List<M> offeredFrom(S state, Class<M> moves) {
        return offeredFrom(state, Arrays.asList(moves.getEnumConstants()));
    }

    private static <S extends Enum<S>, M extends StateMove<S>> List<M> offeredFrom(S state, List<M> moves) {
        return moves.stream().filter(m -> m.offered() && m.allowedFrom(state)).toList();
    }

    @SuppressWarnings("unchecked")
    private static <S extends Enum<S>> List<StateMove<S>> movesOf(StateMove<S> move) {
        return Arrays.stream(((Enum<?>) move).getDeclaringClass().getEnumConstants()).map(m -> (StateMove<S>) m)
                .toList();
    }
}
