package io.flightdeck.email.abtest;

import io.flightdeck.shared.InvalidInputException;

/**
 * One variant of an A/B test as measured so far: its name, how many recipients it was sent to and how many of them
 * did the thing the test measures (clicked, converted or opened).
 */
public record Variant(String name, long sent, long successes) {

    /**
     * A billion recipients per variant is far beyond any send, and keeps {@code successes × sent} inside a long, so
     * rates can be compared exactly by cross-multiplying.
     */
    static final long MAX_SENT = 1_000_000_000L;

    public Variant {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "Each variant needs a name");
        }
        name = name.strip();
        if (sent < 0 || sent > MAX_SENT) {
            throw new InvalidInputException("sent", "Variant " + name + " was sent to " + sent
                    + " recipients; the count must be between 0 and " + MAX_SENT);
        }
        if (successes < 0 || successes > sent) {
            throw new InvalidInputException("successes", "Variant " + name + " has " + successes
                    + " successes out of " + sent + " recipients; successes must be between 0 and the recipients");
        }
    }

    /** The share of recipients who succeeded; 0 while nobody was sent the variant. */
    public double rate() {
        return sent == 0 ? 0 : (double) successes / sent;
    }

    /**
     * Compares rates exactly ({@code s1 / n1} against {@code s2 / n2} as {@code s1 × n2} against {@code s2 × n1}), so
     * 20 of 1,000 and 40 of 2,000 count as the tie they are, whatever floating point would make of them.
     */
    int compareRateTo(Variant other) {
        return Long.compare(successes * other.sent, other.successes * sent);
    }
}
