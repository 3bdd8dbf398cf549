package io.flightdeck.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one move of a state machine needs to know: the states it may start from, whether people ask for it (a move
 * only the system makes is guarded but never offered), and its words in a sentence where the move's name does not say
 * it ({@code null}: the name, as {@link StateMove#inWords()} makes it).
 *
 * @param <S> the machine's states
 */
public record MoveRule<S extends Enum<S>>(Set<S> from, boolean offered, String words) {

    public MoveRule {
        from = Set.copyOf(from);
    }

    /** A move people ask for, from these states. */
    @SafeVarargs
    public static <S extends Enum<S>> MoveRule<S> of(S first, S... rest) {
        return new MoveRule<>(EnumSet.of(first, rest), true, null);
    }

    /** A move people ask for, said in its own words ({@code request approval of}). */
    @SafeVarargs
    public static <S extends Enum<S>> MoveRule<S> said(String words, S first, S... rest) {
        return new MoveRule<>(EnumSet.of(first, rest), true, words);
    }

    /** A move only the system makes (a runner recording an attempt), said in its own words. */
    @SafeVarargs
    public static <S extends Enum<S>> MoveRule<S> system(String words, S first, S... rest) {
        return new MoveRule<>(EnumSet.of(first, rest), false, words);
    }
}
