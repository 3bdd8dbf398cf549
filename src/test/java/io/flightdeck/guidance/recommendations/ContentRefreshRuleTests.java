package io.flightdeck.guidance.recommendations;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ContentRefreshRuleTests {

    private static final String RULE = "content-refresh";
    private static final UUID HERO = UUID.randomUUID();

    @Test
    void aCreativeClickedAtLessThanSeventyPerCentOfItsFirstWeeksAfterFourWeeksNeedsRefreshing() {
        List<Recommendation> found = Situations.campaign().creative(HERO, "Hero banner", 30, 0.02, 0.012, 800)
                .by(RULE);

        assertThat(found).singleElement().satisfies(r -> {
            String page = "/creatives/" + HERO;
            assertThat(r.consequence()).isEqualTo(Consequence.PERFORMANCE);
            assertThat(r.target()).isEqualTo(new ObjectRef("creative", HERO.toString(), "Hero banner", page));
            assertThat(r.what()).isEqualTo("Refresh Hero banner: its click rate fell 40 % since its first weeks");
            assertThat(r.why()).isEqualTo("Hero banner was last changed 30 days ago; it was clicked at 2.0 % in its "
                    + "first two weeks and at 1.2 % in the last seven days.");
            assertThat(r.action()).isEqualTo(new Recommendation.Action("Edit Hero banner", page));
            assertThat(r.evidence()).extracting(Evidence::label, Evidence::value, Evidence::link).containsExactly(
                    tuple("Click rate in its first two weeks", "2.0 %", page),
                    tuple("Click rate in the last 7 days", "1.2 % over 800 impressions", page),
                    tuple("Last changed", "30 days ago", page));
        });
    }

    @Test
    void theThresholdsHoldAtTheirEdges() {
        assertThat(by(28, 0.0139, 500)).hasSize(1);
        assertThat(by(27, 0.0139, 500)).as("changed less than four weeks ago").isEmpty();
        assertThat(by(28, 0.0141, 500)).as("still above 70 % of its first weeks").isEmpty();
        assertThat(by(28, 0.0139, 499)).as("too few recent impressions to tell").isEmpty();
    }

    @Test
    void aCreativeNeverClickedInItsFirstWeeksHasNothingToFallFrom() {
        assertThat(Situations.campaign().creative(HERO, "Hero", 60, 0, 0, 5_000).by(RULE)).isEmpty();
    }

    @Test
    void theFingerprintHoldsThroughAWiggle() {
        String at60 = by(40, 0.012, 900).get(0).fingerprint(); // 60 % of 2 %
        assertThat(by(45, 0.0125, 1_500).get(0).fingerprint()).isEqualTo(at60); // 62.5 %
        assertThat(by(45, 0.0115, 1_500).get(0).fingerprint()).isNotEqualTo(at60); // 57.5 %
    }

    private static List<Recommendation> by(int days, double recent, long impressions) {
        return Situations.campaign().creative(HERO, "Hero", days, 0.02, recent, impressions).by(RULE);
    }
}
