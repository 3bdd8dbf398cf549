package io.flightdeck.email.sending;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Who of an audience of {@code size} people is in an A/B test and gets which variant: exactly the test share
 * (rounded, at least one person per variant when the audience allows), drawn at random but the same draw every time
 * for the same send (seeded by its id), and the variants as equal as whole people allow. The rest wait for the winner.
 * Positions are the audience's order as the ledger writes it (by contact id).
 */
final class TestSplit {

    private final String[] variantAt;

    private TestSplit(String[] variantAt) {
        this.variantAt = variantAt;
    }

    /**
     * @param sharePercent the share of the audience in the test, 1 to 100
     * @param variants the variants' keys, A first
     */
    static TestSplit of(int size, int sharePercent, List<String> variants, UUID seed) {
        int inTest = (int) Math.round(size * sharePercent / 100.0);
        inTest = Math.min(size, Math.max(inTest, Math.min(size, variants.size())));
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed.getMostSignificantBits() ^ seed.getLeastSignificantBits());
        // the first inTest places of a Fisher-Yates shuffle are a uniform sample without replacement
        for (int i = 0; i < inTest; i++) {
            int j = i + random.nextInt(size - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        String[] at = new String[size];
        for (int i = 0; i < inTest; i++) {
            at[order[i]] = variants.get(i % variants.size());
        }
        return new TestSplit(at);
    }

    /** The variant the person at {@code position} gets in the test, or null: they wait for the winner. */
    String variantAt(int position) {
        return position < variantAt.length ? variantAt[position] : null;
    }
}
