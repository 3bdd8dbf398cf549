package io.flightdeck.guidance.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@link CampaignFeatures} become the numbers the logistic regression sees, learned from the training campaigns so
 * that a prediction is encoded exactly like the history was.
 * <p>
 * Columns, in order: the budget as {@code ln(1 + budget)} (budgets spread over orders of magnitude, and a doubling
 * should matter alike at any size), planned days, the share of tasks on time, the share of approval scopes approved,
 * creatives as {@code ln(1 + creatives)}, the share of posts published without failure and the click rate so far;
 * then one 0/1 column per channel and one per audience (lower-cased), each only for a channel or audience that at
 * least {@value #MIN_CATEGORY_CAMPAIGNS} training campaigns have, so that a label seen once does not get a weight of
 * its own. Channels and audiences the training never saw (or saw too rarely) leave every such column at 0.
 * <p>
 * Every column is then standardized with the training campaigns' mean and standard deviation, so that the model's
 * coefficients are comparable and a coefficient times a standardized value says how far that feature moves this
 * campaign's log-odds from those of the average training campaign. A column with no spread encodes as 0.
 */
final class FeatureEncoding {

    /** Training campaigns a channel or audience needs before it gets a column. */
    static final int MIN_CATEGORY_CAMPAIGNS = 5;

    private static final double NO_SPREAD = 1e-9;

    private static final String[] NUMERIC_KEYS = {"budget", "plannedDays", "onTimeTaskShare", "approvedScopeShare",
            "creatives", "publishedShare", "clickRate"};
    private static final String[] NUMERIC_LABELS = {"Budget (log)", "Planned days", "Tasks done on time",
            "Approval scopes approved", "Creatives (log)", "Posts published without failure", "Click rate so far"};

    private final List<String> channels;
    private final List<String> audiences;
    private final double[] means;
    private final double[] deviations;

    private FeatureEncoding(List<String> channels, List<String> audiences, List<CampaignFeatures> training) {
        this.channels = List.copyOf(channels);
        this.audiences = List.copyOf(audiences);
        int width = NUMERIC_KEYS.length + channels.size() + audiences.size();
        this.means = new double[width];
        this.deviations = new double[width];
        double[][] rows = training.stream().map(this::raw).toArray(double[][]::new);
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < width; j++) {
            means[j] /= rows.length;
        }
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                deviations[j] += (row[j] - means[j]) * (row[j] - means[j]);
            }
        }
        for (int j = 0; j < width; j++) {
            double deviation = Math.sqrt(deviations[j] / rows.length);
            // rounding leaves a constant column a spread of about 1e-16 of its size: that is no spread
            deviations[j] = deviation <= NO_SPREAD * Math.max(1, Math.abs(means[j])) ? 0 : deviation;
        }
    }

    /** The encoding of these training campaigns: their channels and audiences, means and deviations. */
    static FeatureEncoding learn(List<CampaignFeatures> training) {
        Map<String, Integer> channelCounts = new TreeMap<>();
        Map<String, Integer> audienceCounts = new TreeMap<>();
        for (CampaignFeatures campaign : training) {
            campaign.channels().forEach(channel -> channelCounts.merge(channel, 1, Integer::sum));
            if (campaign.audience() != null) {
                audienceCounts.merge(audienceKey(campaign.audience()), 1, Integer::sum);
            }
        }
        return new FeatureEncoding(common(channelCounts), common(audienceCounts), training);
    }

    private static List<String> common(Map<String, Integer> counts) {
        List<String> names = new ArrayList<>();
        counts.forEach((name, count) -> {
            if (count >= MIN_CATEGORY_CAMPAIGNS) {
                names.add(name);
            }
        });
        return names;
    }

    private static String audienceKey(String audience) {
        return audience.toLowerCase(Locale.ROOT);
    }

    int width() {
        return means.length;
    }

    /** The campaign's columns before standardizing. */
    double[] raw(CampaignFeatures campaign) {
        double[] x = new double[NUMERIC_KEYS.length + channels.size() + audiences.size()];
        x[0] = Math.log1p(campaign.budget());
        x[1] = campaign.plannedDays();
        x[2] = campaign.onTimeTaskShare();
        x[3] = campaign.approvedScopeShare();
        x[4] = Math.log1p(campaign.creatives());
        x[5] = campaign.publishedShare();
        x[6] = campaign.clickRate();
        int j = NUMERIC_KEYS.length;
        for (String channel : channels) {
            x[j++] = campaign.channels().contains(channel) ? 1 : 0;
        }
        String audience = campaign.audience() == null ? null : audienceKey(campaign.audience());
        for (String known : audiences) {
            x[j++] = known.equals(audience) ? 1 : 0;
        }
        return x;
    }

    /** The campaign's columns as the model sees them: standardized with the training campaigns' figures. */
    double[] standardized(CampaignFeatures campaign) {
        double[] x = raw(campaign);
        for (int j = 0; j < x.length; j++) {
            x[j] = deviations[j] == 0 ? 0 : (x[j] - means[j]) / deviations[j];
        }
        return x;
    }

    /** A stable name for column j. */
    String key(int j) {
        if (j < NUMERIC_KEYS.length) {
            return NUMERIC_KEYS[j];
        }
        j -= NUMERIC_KEYS.length;
        return j < channels.size() ? "channel:" + channels.get(j) : "audience:" + audiences.get(j - channels.size());
    }

    /** Column j in words, saying whether this campaign has the channel or audience when the column is one. */
    String label(int j, double rawValue) {
        if (j < NUMERIC_LABELS.length) {
            return NUMERIC_LABELS[j];
        }
        int k = j - NUMERIC_KEYS.length;
        if (k < channels.size()) {
            return "Channel " + channels.get(k) + (rawValue > 0 ? " (used)" : " (not used)");
        }
        return "Audience " + audiences.get(k - channels.size()) + (rawValue > 0 ? " (this one)" : " (another one)");
    }
}
