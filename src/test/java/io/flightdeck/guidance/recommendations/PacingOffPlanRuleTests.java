package io.flightdeck.guidance.recommendations;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class PacingOffPlanRuleTests {

    private static final String RULE = "pacing-off-plan";

    @Test
    void spendAboveHundredAndTwentyPerCentOfThePlanIsAheadOfIt() {
        UUID campaign = UUID.randomUUID();
        List<Recommendation> found = Situations.campaign().id(campaign).pacing("10000", "2000", "2500").by(RULE);

        assertThat(found).singleElement().satisfies(r -> {
            String budgetPage = "/analytics/campaigns/" + campaign + "/budget";
            assertThat(r.consequence()).isEqualTo(Consequence.MONEY);
            assertThat(r.target()).isEqualTo(new ObjectRef("campaign-budget", campaign.toString(),
                    "Budget of Spring push", budgetPage));
            assertThat(r.what()).isEqualTo(
                    "Bring spend back to plan: it runs ahead of plan at 125 % of what was planned by today");
            assertThat(r.why()).isEqualTo(
                    "EUR 2,500.00 is spent, against EUR 2,000.00 planned by today out of a EUR 10,000.00 budget.");
            assertThat(r.effect()).isEqualTo("At this pace the campaign would spend about EUR 12,500.00 of its "
                    + "EUR 10,000.00 budget; back on plan it ends on budget.");
            assertThat(r.action()).isEqualTo(new Recommendation.Action("Open the budget", budgetPage));
            assertThat(r.evidence()).extracting(Evidence::label, Evidence::value, Evidence::link).containsExactly(
                    tuple("Spent to date", "EUR 2,500.00", budgetPage),
                    tuple("Planned by today", "EUR 2,000.00", budgetPage),
                    tuple("Budget", "EUR 10,000.00", budgetPage));
            assertThat(r.priority()).isCloseTo(0.25, within(1e-9));
        });
    }

    @Test
    void spendBelowEightyPerCentIsBehindAndTheEdgesAreOnPlan() {
        assertThat(Situations.campaign().pacing("10000", "2000", "1580").by(RULE)).singleElement()
                .satisfies(r -> assertThat(r.what()).contains("runs behind plan at 79 %"));
        assertThat(Situations.campaign().pacing("10000", "2000", "1600").by(RULE)).isEmpty();
        assertThat(Situations.campaign().pacing("10000", "2000", "2400").by(RULE)).isEmpty();
        assertThat(Situations.campaign().pacing("10000", "2000", "2401").by(RULE)).hasSize(1);
    }

    @Test
    void theFirstTenthOfTheBudgetIsTooEarlyToJudge() {
        assertThat(Situations.campaign().pacing("10000", "999", "3000").by(RULE)).isEmpty();
        assertThat(Situations.campaign().pacing("10000", "1000", "3000").by(RULE)).hasSize(1);
    }

    @Test
    void unknownPacingOrNoBudgetSaysNothing() {
        assertThat(Situations.campaign().by(RULE)).isEmpty();
        assertThat(Situations.campaign().pacing("0", "0", "100").by(RULE)).isEmpty();
    }

    @Test
    void theFingerprintMovesInTenPercentSteps() {
        String at125 = fingerprint("2500");
        assertThat(fingerprint("2580")).isEqualTo(at125); // 129 %
        assertThat(fingerprint("2620")).isNotEqualTo(at125); // 131 %
        assertThat(fingerprint("1500")).isEqualTo(fingerprint("1580")) // 75 % and 79 % behind
                .isNotEqualTo(fingerprint("1380")); // 69 %
    }

    private static String fingerprint(String spent) {
        return Situations.campaign().pacing("10000", "2000", spent).by(RULE).get(0).fingerprint();
    }
}
