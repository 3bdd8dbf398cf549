package io.flightdeck.guidance.prediction;

import io.flightdeck.guidance.prediction.SuccessPrediction.Direction;
import io.flightdeck.guidance.prediction.SuccessPrediction.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SuccessBaselineTests {

    private static final CampaignFeatures TARGET = campaign(1_000, "SMB", "EMAIL", "LINKEDIN");

    @Test
    void shrinksSimilarCampaignsRateTowardTheWorkspaceMeanAndShowsTheFormula() {
        List<PastCampaign> history = new ArrayList<>();
        // similar: a channel in common, the same audience (case aside), budget within a factor of 2: 3 of 4 met
        history.add(past(campaign(600, "smb", "EMAIL"), true));
        history.add(past(campaign(2_000, "SMB", "LINKEDIN", "X"), true));
        history.add(past(campaign(1_000, "SMB", "EMAIL"), true));
        history.add(past(campaign(1_500, "SMB", "EMAIL"), false));
        // not similar: 1 of 6 met
        history.add(past(campaign(2_001, "SMB", "EMAIL"), true));
        history.add(past(campaign(499, "SMB", "EMAIL"), false));
        history.add(past(campaign(1_000, "Enterprise", "EMAIL"), false));
        history.add(past(campaign(1_000, null, "EMAIL"), false));
        history.add(past(campaign(1_000, "SMB", "INSTAGRAM"), false));
        history.add(past(campaign(0, "SMB", "EMAIL"), false));

        SuccessPrediction prediction = SuccessBaseline.predict(TARGET, history);

        // m = 4/10 = 0.40; p = (3 + 5 × 0.40) / (4 + 5) = 5/9 = 0.5556
        // Wilson at 90 % (z = 1.6449) with n + k = 9: 0.3035 .. 0.7820
        assertThat(prediction.method()).isEqualTo(Method.BASELINE);
        assertThat(prediction.likelihood()).isEqualTo(56);
        assertThat(prediction.low()).isEqualTo(30);
        assertThat(prediction.high()).isEqualTo(78);
        assertThat(prediction.formula()).isEqualTo("(3 + 5 × 0.40) / (4 + 5) = 0.56");
        assertThat(prediction.learnedFrom()).isEqualTo(10);
        assertThat(prediction.explanation())
                .isEqualTo("3 of 4 similar past campaigns met their objective, shrunk toward the workspace's 40 % "
                        + "(4 of 10 finished campaigns).");
        assertThat(prediction.factors()).singleElement().satisfies(factor -> {
            assertThat(factor.key()).isEqualTo("similarCampaigns");
            assertThat(factor.contribution()).isCloseTo(35.0, within(1e-9));
            assertThat(factor.direction()).isEqualTo(Direction.UP);
            assertThat(factor.label()).isEqualTo(
                    "3 of 4 similar campaigns met their objective (75 %, against 40 % across the workspace)");
        });
    }

    @Test
    void withNoSimilarCampaignTheEstimateIsTheWorkspaceMean() {
        List<PastCampaign> history = List.of(past(campaign(50_000, "SMB", "EMAIL"), true),
                past(campaign(50_000, "SMB", "EMAIL"), true), past(campaign(50_000, "SMB", "EMAIL"), false),
                past(campaign(50_000, "SMB", "EMAIL"), false), past(campaign(50_000, "SMB", "EMAIL"), false));

        SuccessPrediction prediction = SuccessBaseline.predict(TARGET, history);

        assertThat(prediction.method()).isEqualTo(Method.BASELINE);
        assertThat(prediction.formula()).isEqualTo("(0 + 5 × 0.40) / (0 + 5) = 0.40");
        assertThat(prediction.likelihood()).isEqualTo(40);
        // Wilson at 90 % with n + k = 5: 0.1427 .. 0.7275
        assertThat(prediction.low()).isEqualTo(14);
        assertThat(prediction.high()).isEqualTo(73);
        assertThat(prediction.factors()).isEmpty();
        assertThat(prediction.explanation()).startsWith("No similar past campaign");
    }

    @Test
    void saysNotEnoughHistoryBelowFiveFinishedCampaigns() {
        List<PastCampaign> four = List.of(past(TARGET, true), past(TARGET, false), past(TARGET, true),
                past(TARGET, true));

        SuccessPrediction prediction = SuccessBaseline.predict(TARGET, four);

        assertThat(prediction.method()).isEqualTo(Method.NOT_ENOUGH_HISTORY);
        assertThat(prediction.likelihood()).isNull();
        assertThat(prediction.low()).isNull();
        assertThat(prediction.high()).isNull();
        assertThat(prediction.formula()).isNull();
        assertThat(prediction.learnedFrom()).isEqualTo(4);
        assertThat(prediction.explanation())
                .isEqualTo("Not enough history: 4 finished campaigns judged against an objective in this workspace, "
                        + "and an estimate needs at least 5.");
        assertThat(SuccessBaseline.predict(TARGET, List.of()).explanation())
                .startsWith("Not enough history: 0 finished campaigns");

        List<PastCampaign> five = new ArrayList<>(four);
        five.add(past(TARGET, false));
        assertThat(SuccessBaseline.predict(TARGET, five).method()).isEqualTo(Method.BASELINE);
    }

    @Test
    void similarMeansAChannelInCommonTheSameAudienceAndBudgetWithinAFactorOfTwo() {
        assertThat(SuccessBaseline.similar(TARGET, campaign(1_000, "SMB", "LINKEDIN"))).isTrue();
        assertThat(SuccessBaseline.similar(TARGET, campaign(1_000, "SMB", "X", "TIKTOK"))).as("no channel in common")
                .isFalse();
        assertThat(SuccessBaseline.similar(TARGET, campaign(1_000, " smb ", "email"))).as("case and spaces aside")
                .isTrue();
        assertThat(SuccessBaseline.similar(TARGET, campaign(1_000, "Enterprise", "EMAIL"))).isFalse();
        assertThat(SuccessBaseline.similar(TARGET, campaign(1_000, null, "EMAIL"))).isFalse();
        CampaignFeatures noAudience = campaign(1_000, null, "EMAIL");
        assertThat(SuccessBaseline.similar(noAudience, campaign(1_000, "", "EMAIL"))).as("neither has one").isTrue();

        assertThat(SuccessBaseline.similar(TARGET, campaign(2_000, "SMB", "EMAIL"))).isTrue();
        assertThat(SuccessBaseline.similar(TARGET, campaign(500, "SMB", "EMAIL"))).isTrue();
        assertThat(SuccessBaseline.similar(TARGET, campaign(2_000.01, "SMB", "EMAIL"))).isFalse();
        assertThat(SuccessBaseline.similar(TARGET, campaign(499.99, "SMB", "EMAIL"))).isFalse();
        CampaignFeatures noBudget = campaign(0, "SMB", "EMAIL");
        assertThat(SuccessBaseline.similar(noBudget, campaign(0, "SMB", "EMAIL"))).isTrue();
        assertThat(SuccessBaseline.similar(noBudget, TARGET)).isFalse();
    }

    @Test
    void featuresRefuseValuesOutsideTheirRange() {
        assertThatThrownBy(() -> new CampaignFeatures(-1, 10, List.of("EMAIL"), null, 1, 1, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget");
        assertThatThrownBy(() -> new CampaignFeatures(1, 10, List.of("EMAIL"), null, 1.2, 1, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onTimeTaskShare");
        assertThatThrownBy(() -> new CampaignFeatures(1, 10, List.of("EMAIL"), null, 1, 1, 0, Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publishedShare");
        assertThat(new CampaignFeatures(1, 10, List.of(" email", "EMAIL", "x"), " ", 1, 1, 0, 1, 0))
                .satisfies(features -> {
                    assertThat(features.channels()).containsExactly("EMAIL", "X");
                    assertThat(features.audience()).isNull();
                });
    }

    static CampaignFeatures campaign(double budget, String audience, String... channels) {
        return new CampaignFeatures(budget, 30, List.of(channels), audience, 0.8, 1, 4, 0.9, 0.01);
    }

    static PastCampaign past(CampaignFeatures features, boolean met) {
        return new PastCampaign(features, met, met ? 0.02 : 0.005);
    }
}
