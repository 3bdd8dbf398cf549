package io.flightdeck.guidance.recommendations;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a rule looks at, and so which evaluator runs it, what is at stake, which thresholds its file must set and
 * which placeholders its messages may use. Several rule files may share a kind with other thresholds and wording.
 * Every kind offers {@code campaignId} and {@code campaignName} besides its own placeholders.
 */
public enum RuleKind {

    UNDERPERFORMING_CHANNEL(Consequence.PERFORMANCE,
            List.of("maxShareOfWorkspaceRate", "minImpressions"),
            List.of("channel", "channelName", "impressions", "clicks", "conversions", "spend", "clickRate",
                    "workspaceClickRate", "share", "missingClicks")),
    PACING_OFF_PLAN(Consequence.MONEY,
            List.of("aheadAbovePercent", "behindBelowPercent", "minPlannedPercentOfBudget"),
            List.of("spent", "planned", "budget", "percentOfPlan", "projected", "direction")),
    BEST_POSTING_TIMES(Consequence.NICE_TO_HAVE,
            List.of("minPastPosts", "minPostsPerSlot", "topSlots", "minLiftPercent"),
            List.of("bestSlots", "bestClicksPerPost", "usualClicksPerPost", "movablePosts",
                    "scheduledPosts", "pastPosts")),
    CONTENT_REFRESH(Consequence.PERFORMANCE,
            List.of("minDaysSinceChange", "maxShareOfEarlyRate", "minRecentImpressions"),
            List.of("creativeId", "creative", "daysSinceChange", "earlyClickRate", "recentClickRate", "dropPercent")),
    FAILED_POST_RECOVERY(Consequence.RECOVERY, List.of("minPosts"), List.of("posts", "channels")),
    IN_DOUBT_POST_RECOVERY(Consequence.RECOVERY, List.of("minPosts"), List.of("posts", "channels")),
    FAILED_SEND_RECOVERY(Consequence.RECOVERY, List.of("minFailedRecipients"),
            List.of("sendId", "send", "recipients", "failure"));

    private final Consequence consequence;
    private final List<String> thresholds;
    private final Set<String> placeholders;

    RuleKind(Consequence consequence, List<String> thresholds, List<String> placeholders) {
        this.consequence = consequence;
        this.thresholds = thresholds;
        this.placeholders = Stream.concat(Stream.of("campaignId", "campaignName"), placeholders.stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    public Consequence consequence() {
        return consequence;
    }

    /** The thresholds a rule file of this kind must set, no more and no fewer. */
    public List<String> thresholds() {
        return thresholds;
    }

    /** The placeholders this kind fills in a rule's messages and action link. */
    public Set<String> placeholders() {
        return placeholders;
    }
}
