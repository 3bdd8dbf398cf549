package io.flightdeck.guidance.recommendations;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

import io.flightdeck.guidance.recommendations.CampaignSituation.SpendPacing;

/**
 * Spend that runs ahead of the plan (above {@code aheadAbovePercent} of what the plan had spent by today) or behind it
 * (below {@code behindBelowPercent}), once the plan to date is at least {@code minPlannedPercentOfBudget} of the budget:
 * in a campaign's first days a few euros make the percentage swing. Its priority is how far off the plan spend is,
 * 1 at double or nothing.
 */
final class PacingOffPlanRule {

    private PacingOffPlanRule() {
    }

    static List<Recommendation> evaluate(RuleDefinition rule, CampaignSituation situation) {
        SpendPacing pacing = situation.pacing();
        if (!pacing.known() || pacing.budget().signum() <= 0 || pacing.plannedToDate().signum() <= 0) {
            return List.of();
        }
        double plannedShareOfBudget = pacing.plannedToDate().doubleValue() / pacing.budget().doubleValue();
        if (plannedShareOfBudget * 100 < rule.threshold("minPlannedPercentOfBudget")) {
            return List.of();
        }
        double ratio = pacing.spentToDate().doubleValue() / pacing.plannedToDate().doubleValue();
        boolean ahead = ratio * 100 > rule.threshold("aheadAbovePercent");
        boolean behind = ratio * 100 < rule.threshold("behindBelowPercent");
        if (!ahead && !behind) {
            return List.of();
        }
        String currency = situation.currency();
        ObjectRef target = situation.budgetRef();
        // at this pace every planned amount scales by the same ratio, the whole budget included
        BigDecimal projected = pacing.budget().multiply(BigDecimal.valueOf(ratio), MathContext.DECIMAL64);
        Map<String, String> values = Map.of(
                "spent", Figures.money(pacing.spentToDate(), currency),
                "planned", Figures.money(pacing.plannedToDate(), currency),
                "budget", Figures.money(pacing.budget(), currency),
                "percentOfPlan", Figures.wholePercent(ratio),
                "projected", Figures.money(projected, currency),
                "direction", ahead ? "ahead of" : "behind");
        List<Evidence> evidence = List.of(
                new Evidence("Spent to date", Figures.money(pacing.spentToDate(), currency), target.link()),
                new Evidence("Planned by today", Figures.money(pacing.plannedToDate(), currency), target.link()),
                new Evidence("Budget", Figures.money(pacing.budget(), currency), target.link()));
        return List.of(rule.recommend(situation, target, values, evidence, Math.min(1, Math.abs(ratio - 1)),
                EvidenceFingerprint.of(ahead ? "ahead" : "behind", EvidenceFingerprint.tenPercentStep(ratio))));
    }
}
