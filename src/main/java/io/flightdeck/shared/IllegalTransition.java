package io.flightdeck.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A move the state machine does not allow from the current state: 409 {@code illegal-transition} with
 * {@code currentState} (the state's name), {@code attemptedMove} and {@code allowedMoves} (named as a client asks for
 * them), beside a detail in plain words. Every guarded state machine refuses with this one shape; a machine whose moves
 * are an enum gets it from {@link StateMove#requireFrom}.
 */
public class IllegalTransition extends ConflictException {

    public static final String TYPE = "illegal-transition";

    public IllegalTransition(String detail, Enum<?> currentState, String attemptedMove, List<String> allowedMoves) {
        super(TYPE, detail, Map.of("currentState", currentState.name(), "attemptedMove", attemptedMove,
                "allowedMoves", List.copyOf(allowedMoves)));
    }

    /**
     * The refusal of one of an enum's moves, in words, naming the moves allowed instead; for a machine whose rule needs
     * more than the state (see {@link StateMove#requireFrom} for the usual case).
     */
    public static IllegalTransition refusing(StateMove<?> move, Enum<?> state, String subject,
            List<? extends StateMove<?>> allowed) {
        List<String> names = allowed.stream().map(StateMove::moveName).toList();
        String words = allowed.isEmpty() ? "No move is allowed now."
                : "Allowed now: " + orList(names.stream().map(name -> name.replace('-', ' ')).toList()) + ".";
        return new IllegalTransition("Cannot " + move.inWords() + " " + withArticle(subject) + " that is "
                + inWords(state) + ". " + words, state, move.moveName(), names);
    }

    /** A state's name as people say it: {@code NEEDS_REVIEW} is needs review. */
    private static String inWords(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Words joined as people list them: a, b or c. */
    static String orList(List<String> words) {
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    private static String withArticle(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }
}
