package io.flightdeck.guidance.prediction;

import io.flightdeck.guidance.prediction.SuccessPrediction.Direction;
import io.flightdeck.guidance.prediction.SuccessPrediction.Factor;
import io.flightdeck.guidance.prediction.SuccessPrediction.Method;
import ch.qos.logback.classic.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import smile.validation.metric.AUC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The model on a synthetic history whose outcomes depend on two features only ({@link SyntheticHistory}): trained on
 * 800 campaigns, it must rank the 200 it never saw with an AUC of at least 0.75, and trained on the same campaigns with
 * their outcomes shuffled it must do no better than chance.
 */
class SuccessModelTests {

    static {
        // Smile's optimizer logs two info lines per fit, and these tests fit a few hundred times; the application
        // turns them off in application.properties, which plain unit tests do not read
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("smile")).setLevel(Level.WARN);
    }

    private static final long SEED = 20_300L;
    private static final List<PastCampaign> HISTORY = SyntheticHistory.campaigns(1_000, SEED);

    @Test
    void ranksHeldOutCampaignsByTheirChanceOfSuccess() {
        double auc = heldOutAuc(HISTORY);
        double oracle = AUC.of(outcomes(HISTORY.subList(800, 1_000)),
                HISTORY.subList(800, 1_000).stream().mapToDouble(c -> SyntheticHistory.signal(c.features())).toArray());
        System.out.printf("held-out AUC %.3f (the true signal's own AUC on the same 200: %.3f)%n", auc, oracle);
        assertThat(auc).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void learnsNothingFromShuffledOutcomes() {
        double auc = heldOutAuc(SyntheticHistory.withShuffledOutcomes(HISTORY, SEED + 1));
        System.out.printf("held-out AUC with shuffled outcomes %.3f%n", auc);
        assertThat(auc).isBetween(0.4, 0.6);
    }

    @Test
    void namesTheFeaturesThatCarryTheSignalFirst() {
        SuccessModel model = SuccessModel.train(HISTORY.subList(0, 800));

        SuccessPrediction weak = model.predict(typical(0.05, 0.52));
        SuccessPrediction strong = model.predict(typical(0.97, 0.98));

        assertThat(weak.method()).isEqualTo(Method.MODEL);
        assertThat(weak.factors()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(weak.factors().subList(0, 2)).extracting(Factor::key)
                .containsExactlyInAnyOrder("onTimeTaskShare", "publishedShare");
        assertThat(weak.factors().subList(0, 2)).extracting(Factor::direction).containsOnly(Direction.DOWN);
        assertThat(strong.factors().subList(0, 2)).extracting(Factor::key)
                .containsExactlyInAnyOrder("onTimeTaskShare", "publishedShare");
        assertThat(strong.factors().subList(0, 2)).extracting(Factor::direction).containsOnly(Direction.UP);
        assertThat(weak.likelihood()).isLessThan(20);
        assertThat(strong.likelihood()).isGreaterThan(80);
        assertThat(weak.factors().get(0).label()).isIn("Tasks done on time", "Posts published without failure");
    }

    @Test
    void givesAnIntervalAroundTheLikelihoodThatNarrowsWithMoreHistory() {
        CampaignFeatures campaign = typical(0.5, 0.75);

        SuccessPrediction fromMany = SuccessModel.train(HISTORY).predict(campaign);
        SuccessPrediction fromFew = SuccessModel.train(HISTORY.subList(0, 60)).predict(campaign);

        assertThat(fromMany.low()).isLessThanOrEqualTo(fromMany.likelihood());
        assertThat(fromMany.high()).isGreaterThanOrEqualTo(fromMany.likelihood());
        assertThat(fromMany.high() - fromMany.low()).isPositive()
                .isLessThan(fromFew.high() - fromFew.low());
        assertThat(fromMany.learnedFrom()).isEqualTo(1_000);
        assertThat(fromMany.formula()).isNull();
        assertThat(fromMany.explanation()).contains("learned from 1000 finished campaigns", "30 refits");
    }

    @Test
    void isDeterministicForAFixedSeed() {
        assertThat(SyntheticHistory.campaigns(1_000, SEED)).isEqualTo(HISTORY);
        CampaignFeatures campaign = HISTORY.get(900).features();

        SuccessPrediction first = SuccessModel.train(HISTORY.subList(0, 800)).predict(campaign);
        SuccessPrediction second = SuccessModel.train(HISTORY.subList(0, 800)).predict(campaign);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void needsThirtyFinishedCampaignsWithFiveOfEachOutcome() {
        List<PastCampaign> met = HISTORY.stream().filter(PastCampaign::metObjective).limit(30).toList();
        List<PastCampaign> missed = HISTORY.stream().filter(c -> !c.metObjective()).limit(30).toList();
        List<PastCampaign> fourMissed = new ArrayList<>(met.subList(0, 26));
        fourMissed.addAll(missed.subList(0, 4));
        List<PastCampaign> fiveMissed = new ArrayList<>(met.subList(0, 25));
        fiveMissed.addAll(missed.subList(0, 5));

        assertThat(SuccessModel.canLearnFrom(HISTORY.subList(0, 29))).isFalse();
        assertThat(SuccessModel.canLearnFrom(fourMissed)).isFalse();
        assertThat(SuccessModel.canLearnFrom(fiveMissed)).isTrue();
        assertThatThrownBy(() -> SuccessModel.train(fourMissed)).isInstanceOf(IllegalArgumentException.class);

        assertThat(SuccessPredictor.predict(typical(0.5, 0.75), fourMissed).method()).isEqualTo(Method.BASELINE);
        assertThat(SuccessPredictor.predict(typical(0.5, 0.75), fiveMissed).method()).isEqualTo(Method.MODEL);
        assertThat(SuccessPredictor.predict(typical(0.5, 0.75), HISTORY.subList(0, 4)).method())
                .isEqualTo(Method.NOT_ENOUGH_HISTORY);
    }

    @Test
    void encodesOnlyChannelsAndAudiencesSeenOftenEnough() {
        List<CampaignFeatures> training = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            training.add(new CampaignFeatures(1_000 + i, 30, List.of("EMAIL"), "SMB", 0.5, 1, 3, 1, 0.01));
        }
        training.add(new CampaignFeatures(1_000, 30, List.of("EMAIL", "TIKTOK"), "Developers", 0.5, 1, 3, 1, 0.01));

        FeatureEncoding encoding = FeatureEncoding.learn(training);

        List<String> keys = new ArrayList<>();
        for (int j = 0; j < encoding.width(); j++) {
            keys.add(encoding.key(j));
        }
        assertThat(keys).containsExactly("budget", "plannedDays", "onTimeTaskShare", "approvedScopeShare",
                "creatives", "publishedShare", "clickRate", "channel:EMAIL", "audience:smb");
        double[] unseen = encoding.standardized(
                new CampaignFeatures(1_000, 30, List.of("PINTEREST"), "Nobody", 0.5, 1, 3, 1, 0.01));
        assertThat(unseen[7]).as("EMAIL has no spread in the training: encodes as 0").isZero();
        assertThat(unseen[8]).as("not smb").isNegative();
    }

    private static double heldOutAuc(List<PastCampaign> history) {
        SuccessModel model = SuccessModel.train(history.subList(0, 800));
        List<PastCampaign> heldOut = history.subList(800, history.size());
        double[] scores = heldOut.stream().mapToDouble(past -> model.probability(past.features())).toArray();
        return AUC.of(outcomes(heldOut), scores);
    }

    private static int[] outcomes(List<PastCampaign> campaigns) {
        return campaigns.stream().mapToInt(past -> past.metObjective() ? 1 : 0).toArray();
    }

    /** A campaign ordinary in everything but the two shares that carry the signal. */
    private static CampaignFeatures typical(double onTime, double published) {
        return new CampaignFeatures(7_000, 48, List.of("EMAIL", "LINKEDIN"), "SMB", onTime, 0.5, 15, published,
                0.026);
    }
}
