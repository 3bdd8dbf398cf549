package io.flightdeck.email.abtest;

import java.util.List;
import java.util.Optional;

/**
 * The decision on an A/B test. {@code winner} is the variant that won with the required confidence, if any;
 * {@code variantToSend} is what the rest of the list gets now: the winner, variant A under
 * {@link InconclusiveRule#SEND_VARIANT_A}, or nothing under {@link InconclusiveRule#WAIT}. {@code leader} is the
 * variant with the highest observed rate (the first of those tied), winner or not; {@code comparisons} pit it against
 * every other variant. {@code reason} says it all in plain words; {@code warnings} holds what a marketer should
 * distrust (opens).
 */
public record AbTestVerdict(Outcome outcome, Optional<String> winner, Optional<String> variantToSend, String leader,
        List<PairComparison> comparisons, boolean minimumSampleMet, String reason, List<String> warnings) {

    public enum Outcome {
        /** One variant beat every other with the required confidence, on enough recipients. */
        WINNER,
        /** No winner: variant A goes to the rest. */
        SEND_VARIANT_A,
        /** No winner: nothing more goes out yet. */
        WAIT
    }

    public AbTestVerdict {
        comparisons = List.copyOf(comparisons);
        warnings = List.copyOf(warnings);
    }
}
