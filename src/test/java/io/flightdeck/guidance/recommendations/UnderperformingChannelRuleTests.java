package io.flightdeck.guidance.recommendations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class UnderperformingChannelRuleTests {

    private static final String RULE = "underperforming-channel";

    // the workspace's Facebook rate: 2,000 clicks of 100,000 impressions = 2 %; below half of it is below 1 %

    @Test
    void aChannelBelowHalfTheWorkspacesRateIsRecommendedWithItsFiguresAndLinks() {
        UUID campaign = UUID.randomUUID();
        List<Recommendation> found = Situations.campaign().id(campaign)
                .channel("FACEBOOK", 2_000, 19, 100_000, 2_000)
                .channel("LINKEDIN", 2_000, 40, 100_000, 2_000)
                .by(RULE);

        assertThat(found).singleElement().satisfies(r -> {
            assertThat(r.ruleId()).isEqualTo(RULE);
            assertThat(r.ruleVersion()).isEqualTo(1);
            assertThat(r.consequence()).isEqualTo(Consequence.PERFORMANCE);
            assertThat(r.target()).isEqualTo(new ObjectRef("channel", "FACEBOOK", "Facebook",
                    "/analytics/campaigns/" + campaign + "/channels/FACEBOOK"));
            assertThat(r.what()).isEqualTo("Rework or cut back Facebook: it earns 48 % of the workspace's usual click rate");
            assertThat(r.why()).isEqualTo("Facebook turned 2,000 impressions into 19 clicks (0.95 %) in this campaign, "
                    + "against 2.0 % on Facebook across the workspace; EUR 300.00 spent so far.");
            assertThat(r.effect()).isEqualTo(
                    "At the workspace's usual rate the same impressions would bring about 21 more clicks.");
            assertThat(r.effort()).isEqualTo(Effort.MEDIUM);
            assertThat(r.action()).isEqualTo(new Recommendation.Action("Open Facebook's results",
                    "/analytics/campaigns/" + campaign + "/channels/FACEBOOK"));
            assertThat(r.evidence()).extracting(Evidence::label, Evidence::value, Evidence::link).containsExactly(
                    tuple("Facebook click rate in this campaign",
                            "0.95 % (19 clicks of 2,000 impressions)",
                            "/analytics/campaigns/" + campaign + "/channels/FACEBOOK"),
                    tuple("Facebook click rate across the workspace",
                            "2.0 % (2,000 clicks of 100,000 impressions)", "/analytics"),
                    tuple("Spent on Facebook", "EUR 300.00 for 2 conversions",
                            "/analytics/campaigns/" + campaign + "/budget"));
            assertThat(r.priority()).isCloseTo(0.525, within(1e-9));
        });
    }

    @Test
    void exactlyHalfTheWorkspacesRateIsNotBelowIt() {
        assertThat(Situations.campaign().channel("FACEBOOK", 2_000, 20, 100_000, 2_000).by(RULE)).isEmpty();
    }

    @Test
    void fewerThanAThousandImpressionsOnEitherSideSayTooLittle() {
        assertThat(Situations.campaign().channel("FACEBOOK", 999, 0, 100_000, 2_000).by(RULE)).isEmpty();
        assertThat(Situations.campaign().channel("FACEBOOK", 1_000, 0, 100_000, 2_000).by(RULE)).hasSize(1);
        assertThat(Situations.campaign().channel("FACEBOOK", 2_000, 0, 999, 20).by(RULE)).isEmpty();
    }

    @Test
    void aChannelTheWorkspaceNeverClickedOrNeverUsedHasNothingToCompareWith() {
        CampaignSituation situation = new CampaignSituation(UUID.randomUUID(), "Solo", "ACTIVE", null, null,
                LocalDate.of(2026, 12, 10), "EUR", List.of(new CampaignSituation.ChannelResults("BLOG",
                "Blog", 5_000, 1, 0, null, null)), null, null, null, null, null, null);
        assertThat(Recommender.recommend(situation, List.of(Situations.rule(RULE)))).isEmpty();
        assertThat(Situations.campaign().channel("FACEBOOK", 2_000, 0, 100_000, 0).by(RULE)).isEmpty();
    }

    @Test
    void onlyARunningCampaignIsJudgedOnItsResults() {
        assertThat(Situations.campaign().status("PAUSED").channel("FACEBOOK", 2_000, 1, 100_000, 2_000).by(RULE))
                .isEmpty();
    }

    @Test
    void theFingerprintHoldsThroughAWiggleAndChangesWithTheShare() {
        String at48 = fingerprint(19); // 0.95 % of 2 %: 47.5 %
        String at45 = fingerprint(18); // 45 %: the same 10 % step
        String at35 = fingerprint(14); // 35 %: a step lower
        assertThat(at45).isEqualTo(at48);
        assertThat(at35).isNotEqualTo(at48);
    }

    private static String fingerprint(long clicks) {
        return Situations.campaign().channel("FACEBOOK", 2_000, clicks, 100_000, 2_000).by(RULE).get(0).fingerprint();
    }
}
