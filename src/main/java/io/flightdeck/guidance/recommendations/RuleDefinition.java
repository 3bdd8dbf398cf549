package io.flightdeck.guidance.recommendations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rule as its file under {@code guidance/rules/} defines it, checked ({@link RuleFiles}): which kind of evaluator
 * runs it, with which thresholds, for which campaign statuses, and the wording of what it recommends.
 *
 * @param id               the rule's id, also its file's name
 * @param version          raised whenever its thresholds or wording change, and recorded with each reaction
 * @param enabledByDefault whether a workspace that never switched it has it on
 * @param statuses         the campaign statuses it applies to; empty for every status
 * @param thresholds       exactly the thresholds its kind asks for
 */
record RuleDefinition(String id, int version, RuleKind kind, boolean enabledByDefault, Set<String> statuses,
        MessageTemplate title, MessageTemplate why, MessageTemplate effect, Effort effort, MessageTemplate actionLabel,
        MessageTemplate actionLink, Map<String, Double> thresholds) {

    public RuleDefinition {
        statuses = Set.copyOf(statuses);
        thresholds = Map.copyOf(thresholds);
    }

    public boolean appliesTo(String campaignStatus) {
        return statuses.isEmpty() || statuses.contains(campaignStatus);
    }

    double threshold(String name) {
        Double value = thresholds.get(name);
        if (value == null) {
            throw new IllegalStateException("rule " + id + " has no threshold " + name);
        }
        return value;
    }

    /** The title in its template form, for lists of rules (the admins' switches and acceptance rates). */
    public String titleTemplate() {
        return title.toString();
    }

    /**
     * The recommendation this rule makes about {@code target}, its messages filled with {@code values} (to which the
     * campaign's id and name are added).
     */
    Recommendation recommend(CampaignSituation situation, ObjectRef target, Map<String, String> values,
            List<Evidence> evidence, double priority, String fingerprint) {
        Map<String, String> all = new HashMap<>(values);
        all.put("campaignId", situation.campaignId().toString());
        all.put("campaignName", situation.name() == null ? "" : situation.name());
        return new Recommendation(situation.campaignId(), id, version, kind, target, title.fill(all), why.fill(all),
                evidence, effect.fill(all), effort, new Recommendation.Action(actionLabel.fill(all),
                actionLink.fillLink(all)), priority, fingerprint);
    }
}
