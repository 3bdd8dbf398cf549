package io.flightdeck.shared;

/**
 * A {@link StateMove} whose rule is a {@link MoveRule} per constant, so that an enum of moves holds only its table:
 * {@code RETRY(MoveRule.of(DEAD)), START_ATTEMPT(MoveRule.system("start an attempt of", QUEUED, FAILED))}.
 *
 * @param <S> the machine's states
 */
public interface RuledMove<S extends Enum<S>> extends StateMove<S> {

    MoveRule<S> rule();

    @Override
    default boolean allowedFrom(S state) {
        return rule().from().contains(state);
    }

    @Override
    default boolean offered() {
        return rule().offered();
    }

    @Override
    default String inWords() {
        return rule().words() != null ? rule().words() : StateMove.super.inWords();
    }
}
