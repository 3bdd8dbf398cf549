package io.flightdeck.guidance.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one campaign at the moment its success is predicted, reduced to the numbers and labels the
 * baseline and the model compare. The same record describes a past campaign (as it stood when it was predicted, or when
 * it ended) and the campaign being predicted, so that both are measured alike. Gathering these values from planning,
 * approvals, content, publishing and analytics is the caller's work; a campaign with nothing to count in a share (no
 * tasks, no approval scopes, no posts) passes 1, since nothing went wrong.
 *
 * @param budget             the campaign's budget in its own currency, 0 when it has none; the baseline compares
 *                           budgets as ratios, so currencies only need to be the workspace's usual one
 * @param plannedDays        days from the planned start to the planned end, 0 when the campaign has no dates
 * @param channels           the publishing channels the campaign uses, by name; upper-cased and de-duplicated here
 * @param audience           the audience label (a segment or persona name), or null when none is set; blank counts
 *                           as none, and comparisons ignore case
 * @param onTimeTaskShare    share of the campaign's finished tasks that finished by their due date, 0 to 1
 * @param approvedScopeShare share of the campaign's approval scopes that are approved, 0 to 1
 * @param creatives          number of creatives made for the campaign
 * @param publishedShare     share of the campaign's posts and sends that went out without a failure, 0 to 1
 * @param clickRate          clicks per impression so far, 0 to 1 (0 before anything is published)
 */
public record CampaignFeatures(double budget, int plannedDays, List<String> channels, @Nullable String audience,
        double onTimeTaskShare, double approvedScopeShare, int creatives, double publishedShare, double clickRate) {

    public CampaignFeatures {
        requireAtLeastZero("budget", budget);
        requireAtLeastZero("plannedDays", plannedDays);
        requireAtLeastZero("creatives", creatives);
        requireShare("onTimeTaskShare", onTimeTaskShare);
        requireShare("approvedScopeShare", approvedScopeShare);
        requireShare("publishedShare", publishedShare);
        requireShare("clickRate", clickRate);
        List<String> names = new ArrayList<>();
        for (String channel : channels == null ? List.<String>of() : channels) {
            String name = channel == null ? "" : channel.trim().toUpperCase(Locale.ROOT);
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        channels = List.copyOf(names);
        audience = audience == null || audience.isBlank() ? null : audience.trim();
    }

    /** True when both campaigns use at least one channel of the same name. */
    public boolean sharesChannelWith(CampaignFeatures other) {
        return channels.stream().anyMatch(other.channels::contains);
    }

    /** True when both name the same audience (ignoring case), or neither names one. */
    public boolean sameAudienceAs(CampaignFeatures other) {
        return audience == null ? other.audience == null : audience.equalsIgnoreCase(other.audience);
    }

    private static void requireAtLeastZero(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a number of at least 0, not " + value);
        }
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + value);
        }
    }
}
