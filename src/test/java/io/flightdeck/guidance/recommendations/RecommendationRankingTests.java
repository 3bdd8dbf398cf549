package io.flightdeck.guidance.recommendations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.flightdeck.guidance.recommendations.CampaignSituation.PostTrouble;
import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class RecommendationRankingTests {

    private static final UUID CAMPAIGN = UUID.randomUUID();

    @Test
    void consequenceComesFirstWhateverTheGap() {
        List<Recommendation> ranked = RecommendationRanking.rank(List.of(
                made("times", RuleKind.BEST_POSTING_TIMES, 1.0, Effort.LOW),
                made("channel", RuleKind.UNDERPERFORMING_CHANNEL, 0.9, Effort.LOW),
                made("pacing", RuleKind.PACING_OFF_PLAN, 0.1, Effort.HIGH),
                made("send", RuleKind.FAILED_SEND_RECOVERY, 0.05, Effort.HIGH)));

        assertThat(ranked).extracting(Recommendation::ruleId).containsExactly("send", "pacing", "channel", "times");
    }

    @Test
    void withinAConsequenceTheLargerGapComesFirst() {
        List<Recommendation> ranked = RecommendationRanking.rank(List.of(
                made("small", RuleKind.CONTENT_REFRESH, 0.31, Effort.LOW),
                made("large", RuleKind.UNDERPERFORMING_CHANNEL, 0.62, Effort.HIGH),
                made("middle", RuleKind.CONTENT_REFRESH, 0.45, Effort.MEDIUM)));

        assertThat(ranked).extracting(Recommendation::ruleId).containsExactly("large", "middle", "small");
    }

    @Test
    void nearEqualGapsGoToTheLighterEffortAndExactTiesToTheIds() {
        List<Recommendation> ranked = RecommendationRanking.rank(List.of(
                made("heavier", RuleKind.CONTENT_REFRESH, 0.64, Effort.HIGH),
                made("lighter", RuleKind.CONTENT_REFRESH, 0.61, Effort.LOW), // the same 0.05 step as 0.64
                made("b", RuleKind.CONTENT_REFRESH, 0.50, Effort.MEDIUM),
                made("a", RuleKind.CONTENT_REFRESH, 0.50, Effort.MEDIUM)));

        assertThat(ranked).extracting(Recommendation::ruleId).containsExactly("lighter", "heavier", "a", "b");
    }

    @Test
    void theOrderDoesNotDependOnTheOrderGiven() {
        List<Recommendation> some = new ArrayList<>();
        for (RuleKind kind : RuleKind.values()) {
            for (int i = 0; i < 4; i++) {
                some.add(made(kind.name().toLowerCase() + i, kind, i * 0.2, Effort.values()[i % 3]));
            }
        }
        List<Recommendation> ranked = RecommendationRanking.rank(some);
        Collections.shuffle(some, new Random(30));
        assertThat(RecommendationRanking.rank(some)).isEqualTo(ranked);
    }

    @Test
    void aCampaignInTroubleHearsOfItsFailuresBeforeItsSpendAndItsResults() {
        UUID late = UUID.randomUUID();
        CampaignSituation situation = Situations.campaign()
                .channel("FACEBOOK", 2_000, 2, 100_000, 2_000)
                .pacing("10000", "2000", "3000")
                .slot(TUESDAY, 10, 10, 30).slot(WEDNESDAY, 9, 10, 30).slot(THURSDAY, 14, 10, 30)
                .slot(MONDAY, 22, 10, 0).scheduled(late, MONDAY, 22)
                .creative(UUID.randomUUID(), "Hero", 40, 0.02, 0.015, 900) // 75 %: not worn out
                .creative(UUID.randomUUID(), "Teaser", 40, 0.02, 0.004, 900)
                .troubled(UUID.randomUUID(), "Facebook", PostTrouble.IN_DOUBT, "No answer")
                .failedSend(UUID.randomUUID(), "News", 40, "Mailbox full")
                .build();

        List<Recommendation> ranked = Recommender.recommend(situation, Situations.RULES.all());

        assertThat(ranked).extracting(Recommendation::ruleId).containsExactly(
                "failed-send-recovery", // 40 / 50 = 0.8
                "in-doubt-post-recovery", // 1 / 11
                "pacing-off-plan",
                "underperforming-channel", // 5 % of the workspace's rate: a gap of 0.95
                "content-refresh", // Teaser at 20 % of its first weeks: 0.8
                "best-posting-times");
    }

    private static Recommendation made(String ruleId, RuleKind kind, double priority, Effort effort) {
        return new Recommendation(CAMPAIGN, ruleId, 1, kind, new ObjectRef("campaign", CAMPAIGN.toString(), "C",
                "/campaigns/" + CAMPAIGN), "what", "why", List.of(), "effect", effort,
                new Recommendation.Action("Go", "/"), priority, "f");
    }
}
