package io.flightdeck.guidance.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.flightdeck.guidance.recommendations.CampaignSituation.FailedSend;

/**
 * An email send with at least {@code minFailedRecipients} recipients that failed (never fewer than one): one
 * recommendation per send. Its evidence is the number of failures in powers of two and the failure's wording, so a send
 * whose failures double, or fail for another reason, comes back after a dismissal.
 */
final class SendRecoveryRule {

    private SendRecoveryRule() {
    }

    static List<Recommendation> evaluate(RuleDefinition rule, CampaignSituation situation) {
        double minFailed = Math.max(1, rule.threshold("minFailedRecipients"));
        List<Recommendation> found = new ArrayList<>();
        for (FailedSend send : situation.failedSends()) {
            if (send.failedRecipients() < minFailed) {
                continue;
            }
            ObjectRef target = send.ref();
            String failure = send.failure() == null || send.failure().isBlank() ? "no reason given" : send.failure();
            Map<String, String> values = Map.of(
                    "sendId", send.id().toString(),
                    "send", target.name(),
                    "recipients", Figures.counted(send.failedRecipients(), "recipient", "recipients"),
                    "failure", failure);
            List<Evidence> evidence = List.of(
                    new Evidence("Recipients that failed", Figures.count(send.failedRecipients()), target.link()),
                    new Evidence("Most common failure", failure, target.link()));
            found.add(rule.recommend(situation, target, values, evidence, RecoveryPriority.of(send.failedRecipients()),
                    EvidenceFingerprint.of(EvidenceFingerprint.powerOfTwo(send.failedRecipients()),
                            failure.trim().toLowerCase(Locale.ROOT))));
        }
        return found;
    }
}
