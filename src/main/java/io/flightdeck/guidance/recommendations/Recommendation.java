package io.flightdeck.guidance.recommendations;

import java.util.List;
import java.util.UUID;

/**
 * A next action for one campaign, from one rule: what to do, why (with the evidence, each piece linked), what it
 * should bring, how much work it is and the link that does it. People react to it by its {@link #key()}, which names
 * the rule and the target but not the wording, so a rephrased rule keeps the reactions.
 *
 * @param campaignId  the campaign it is for
 * @param ruleId      the rule that made it
 * @param ruleVersion the rule's version when it was made
 * @param kind        the rule's kind, which fixes the {@link #consequence()}
 * @param target      the object it is about
 * @param what        the action, in a sentence
 * @param why         the reason, with the figures
 * @param evidence    the facts behind it, each with its page
 * @param effect      what acting on it should bring
 * @param effort      how much work it is
 * @param action      the one click that starts it
 * @param priority    how large the gap is, from 0 to 1; only comparable between recommendations of the same
 *                    consequence (see {@link RecommendationRanking})
 * @param fingerprint a hash of the evidence in coarse buckets: it changes when the evidence changes materially, which
 *                    brings back a dismissed recommendation (see {@link EvidenceFingerprint})
 */
public record Recommendation(UUID campaignId, String ruleId, int ruleVersion, RuleKind kind, ObjectRef target,
        String what, String why, List<Evidence> evidence, String effect, Effort effort, Action action, double priority,
        String fingerprint) {

    public Recommendation {
        evidence = List.copyOf(evidence);
        if (!(priority >= 0 && priority <= 1)) {
            throw new IllegalArgumentException("a priority is between 0 and 1, not " + priority);
        }
    }

    /** The one click: a label and the path of the page where it is done. */
    public record Action(String label, String link) {
    }

    /** What reactions are remembered by: the campaign, the rule and the target, never the text. */
    public record Key(UUID campaignId, String ruleId, String targetType, String targetId) {
    }

    public Key key() {
        return new Key(campaignId, ruleId, target.type(), target.id());
    }

    public Consequence consequence() {
        return kind.consequence();
    }
}
