package io.flightdeck.guidance.recommendations;

import java.util.Collection;
import java.util.List;

import io.flightdeck.guidance.recommendations.CampaignSituation.PostTrouble;

/**
 * Runs rules over one campaign's situation and ranks what they recommend. Pure: the caller passes the rules that are
 * on for the workspace ({@link RuleSwitches#enabledRules()}) and hides what people reacted to
 * ({@link ReactionMemory#visible}) afterwards. A rule runs only for the campaign statuses its file names.
 */
final class Recommender {

    private Recommender() {
    }

    public static List<Recommendation> recommend(CampaignSituation situation, Collection<RuleDefinition> rules) {
        return RecommendationRanking.rank(rules.stream()
                .filter(rule -> rule.appliesTo(situation.status()))
                .flatMap(rule -> evaluate(rule, situation).stream())
                .toList());
    }

    static List<Recommendation> evaluate(RuleDefinition rule, CampaignSituation situation) {
        return switch (rule.kind()) {
            case UNDERPERFORMING_CHANNEL -> UnderperformingChannelRule.evaluate(rule, situation);
            case PACING_OFF_PLAN -> PacingOffPlanRule.evaluate(rule, situation);
            case BEST_POSTING_TIMES -> BestPostingTimesRule.evaluate(rule, situation);
            case CONTENT_REFRESH -> ContentRefreshRule.evaluate(rule, situation);
            case FAILED_POST_RECOVERY -> PostRecoveryRule.evaluate(rule, situation, PostTrouble.FAILED);
            case IN_DOUBT_POST_RECOVERY -> PostRecoveryRule.evaluate(rule, situation, PostTrouble.IN_DOUBT);
            case FAILED_SEND_RECOVERY -> SendRecoveryRule.evaluate(rule, situation);
        };
    }
}
