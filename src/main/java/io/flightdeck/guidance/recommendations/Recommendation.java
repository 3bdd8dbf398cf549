package io.flightdeck.guidance.recommendations;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

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
@Schema(name = "GuidanceRecommendation")
public record Recommendation(
        @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
        @Schema(example = "underperforming-channel") String ruleId,
        @Schema(example = "1") int ruleVersion,
        @Schema(example = "UNDERPERFORMING_CHANNEL") RuleKind kind,
        ObjectRef target,
        @Schema(example = "Move budget away from Facebook: its click rate is 35 % of the workspace's there") String what,
        @Schema(example = "Facebook earned 0.42 % clicks per impression in this campaign against 1.2 % across the "
                + "workspace's other campaigns.") String why,
        List<Evidence> evidence,
        @Schema(example = "About 150 more clicks for the same spend.") String effect,
        @Schema(example = "LOW") Effort effort,
        Action action,
        @Schema(example = "0.65") double priority,
        @Schema(description = "The evidence in coarse buckets, hashed: a dismissal holds while it stays the same",
                example = "3f1a2b3c4d5e6f708192a3b4c5d6e7f8") String fingerprint) {

    public Recommendation {
        evidence = List.copyOf(evidence);
        if (!(priority >= 0 && priority <= 1)) {
            throw new IllegalArgumentException("a priority is between 0 and 1, not " + priority);
        }
    }

    /** The one click: a label and the path of the page where it is done. */
    @Schema(name = "RecommendationAction")
    public record Action(@Schema(example = "Open Facebook's figures") String label,
            @Schema(example = "/analytics/campaigns/0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e/channels/FACEBOOK")
            String link) {
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
