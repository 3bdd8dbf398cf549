package io.flightdeck.guidance.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Finished campaigns with a known signal, from a fixed seed: whether a campaign met its objective depends logistically
 * on its share of tasks done on time and its share of posts published without failure, plus noise no feature
 * explains; budget, dates, channels, audience, approvals, creatives and click rate vary at random and carry no signal.
 * A model that finds the signal ranks held-out campaigns well; one trained on shuffled outcomes cannot. Public so that
 * the JMH benchmark in src/bench (compiled with the tests) trains on the same data.
 */
public final class SyntheticHistory {

    public static final List<String> CHANNELS = List.of("EMAIL", "LINKEDIN", "INSTAGRAM", "FACEBOOK", "X", "TIKTOK");
    public static final List<String> AUDIENCES = Arrays.asList("SMB", "Enterprise", "Consumers", "Developers", null);

    /** Standard deviation of the unexplained part of a campaign's log-odds. */
    static final double NOISE = 0.5;

    private SyntheticHistory() {
    }

    /**
     * The log-odds of success that the outcomes are drawn from, before noise: 5 per unit of on-time share around 0.5
     * and 8 per unit of published share around 0.75 (both shares are uniform, so each spans about 2.5 log-odds).
     */
    public static double signal(CampaignFeatures campaign) {
        return 5 * (campaign.onTimeTaskShare() - 0.5) + 8 * (campaign.publishedShare() - 0.75);
    }

    /** {@code count} finished campaigns drawn from {@code seed}. */
    public static List<PastCampaign> campaigns(int count, long seed) {
        Random random = new Random(seed);
        List<PastCampaign> history = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CampaignFeatures features = features(random);
            double logOdds = signal(features) + NOISE * random.nextGaussian();
            boolean met = random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
            double achieved = features.clickRate() * (0.8 + 0.4 * random.nextDouble()) * (met ? 1.25 : 0.8);
            history.add(new PastCampaign(features, met, achieved));
        }
        return List.copyOf(history);
    }

    /** The same campaigns with their outcomes shuffled among them: the control with no signal left. */
    public static List<PastCampaign> withShuffledOutcomes(List<PastCampaign> history, long seed) {
        List<Boolean> outcomes = new ArrayList<>(history.stream().map(PastCampaign::metObjective).toList());
        Collections.shuffle(outcomes, new Random(seed));
        List<PastCampaign> shuffled = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            PastCampaign past = history.get(i);
            shuffled.add(new PastCampaign(past.features(), outcomes.get(i), past.achievedRate()));
        }
        return List.copyOf(shuffled);
    }

    private static CampaignFeatures features(Random random) {
        double budget = Math.round(Math.exp(Math.log(500) + random.nextDouble() * Math.log(100)));
        int days = 7 + random.nextInt(84);
        List<String> channels = new ArrayList<>(CHANNELS);
        Collections.shuffle(channels, random);
        channels = channels.subList(0, 1 + random.nextInt(3));
        String audience = AUDIENCES.get(random.nextInt(AUDIENCES.size()));
        double onTime = random.nextDouble();
        double approved = random.nextDouble();
        int creatives = random.nextInt(31);
        double published = 0.5 + 0.5 * random.nextDouble();
        double clickRate = 0.002 + 0.048 * random.nextDouble();
        return new CampaignFeatures(budget, days, channels, audience, onTime, approved, creatives, published,
                clickRate);
    }
}
