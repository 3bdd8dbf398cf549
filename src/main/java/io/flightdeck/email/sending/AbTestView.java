package io.flightdeck.email.sending;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.email.abtest.InconclusiveRule;
import io.flightdeck.email.abtest.Metric;
import org.jspecify.annotations.Nullable;

/**
 * An email's A/B test as shown: its setup, where it stands (SET_UP before the send, TESTING until the decision,
 * WAITING after an inconclusive look under the wait rule, DECIDED once the rest has its variant), each variant's
 * numbers, and the decision with its reason, or while it runs, what the numbers say so far.
 *
 * @param variants A (the email's own subject) first
 * @param standing the verdict on the numbers so far; null before the send
 */
public record AbTestView(UUID emailCampaignId, List<VariantView> variants, int testShare, Metric metric,
        @Nullable String goalUrl, int decideAfterMinutes, long minimumSample, double confidence,
        InconclusiveRule ifInconclusive, String status, @Nullable Instant decideAt, @Nullable String outcome,
        @Nullable String winner, @Nullable String reason, List<String> warnings, @Nullable Instant decidedAt,
        @Nullable String standing, long version) {

    /** A variant: its own subject, preheader and body (null where it keeps the email's), and its numbers so far. */
    public record VariantView(String key, @Nullable String subject, @Nullable String preheader, @Nullable String html,
            long sent, long successes, double rate, @Nullable Double confidence) {

        /** The rate as a person reads it, such as 4.2 %. */
        public String ratePercent() {
            return String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
        }

        /** The confidence that the leader beats this variant, as a person reads it; empty for the leader. */
        public String confidencePercent() {
            return confidence == null ? "" : String.format(java.util.Locale.ROOT, "%.0f %%", confidence * 100);
        }
    }
}
