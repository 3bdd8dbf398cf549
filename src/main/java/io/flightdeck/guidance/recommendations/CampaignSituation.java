package io.flightdeck.guidance.recommendations;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.springframework.web.util.UriUtils;

/**
 * What the recommendation rules know about one campaign at one moment: plain values the caller gathers from the
 * other modules, so the rules stay pure and are tested on crafted campaigns. Each item a recommendation can cite
 * answers its {@link ObjectRef} (type, id, name and page) through {@code ref}, so the links live in one place.
 * Missing lists count as empty.
 *
 * @param campaignId     the campaign
 * @param name           its name
 * @param status         its status as the campaigns module names it ({@code ACTIVE}, {@code PAUSED}, ...); a rule
 *                       lists the statuses it applies to
 * @param startDate      the planned start, or null
 * @param endDate        the planned end, or null
 * @param today          today in the workspace's time zone
 * @param currency       the campaign's currency (ISO 4217): every amount here is in it; spend recorded in another
 *                       currency is left out by the caller, as the budget page does
 * @param channels       per channel, what the campaign earned so far and the workspace's figures for comparison
 * @param pacing         spend against the plan to date, or {@link SpendPacing#UNKNOWN}
 * @param workspaceSlots the workspace's own published posts (all campaigns) counted per weekday and hour of the
 *                       workspace's time zone, with the clicks they earned; one entry per slot
 * @param scheduledPosts the campaign's posts still to go out, with their weekday and hour in the same time zone
 * @param creatives      the campaign's creatives with their click rates since their last change
 * @param troubledPosts  the campaign's posts that failed or are in doubt
 * @param failedSends    the campaign's email sends with recipients that failed
 */
public record CampaignSituation(UUID campaignId, String name, String status, LocalDate startDate, LocalDate endDate,
        LocalDate today, String currency, List<ChannelResults> channels, SpendPacing pacing,
        List<PostingSlot> workspaceSlots, List<ScheduledPost> scheduledPosts, List<CreativeResults> creatives,
        List<TroubledPost> troubledPosts, List<FailedSend> failedSends) {

    public CampaignSituation {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(today, "today");
        status = status == null ? "" : status.trim().toUpperCase(Locale.ROOT);
        channels = copy(channels);
        pacing = pacing == null ? SpendPacing.UNKNOWN : pacing;
        workspaceSlots = copy(workspaceSlots);
        scheduledPosts = copy(scheduledPosts);
        creatives = copy(creatives);
        troubledPosts = copy(troubledPosts);
        failedSends = copy(failedSends);
    }

    /** The campaign's page. */
    public ObjectRef ref() {
        return new ObjectRef("campaign", campaignId.toString(), name, "/campaigns/" + campaignId);
    }

    /** The campaign's social posts card, where failed posts are retried and in-doubt ones resolved. */
    public ObjectRef postsRef() {
        return new ObjectRef("campaign-posts", campaignId.toString(), "Posts of " + name,
                "/campaigns/" + campaignId + "/tabs/posts#social");
    }

    /** The campaign's budget page: planned against spent, per channel and day. */
    public ObjectRef budgetRef() {
        return new ObjectRef("campaign-budget", campaignId.toString(), "Budget of " + name,
                "/analytics/campaigns/" + campaignId + "/budget");
    }

    /**
     * One channel of the campaign so far.
     *
     * @param channel     the channel as the analytics facts name it ({@code FACEBOOK}); it is part of the link
     * @param label       how people read it ({@code Facebook})
     * @param spend       spent on the channel, in the campaign's currency
     * @param workspace   the workspace's figures on this channel across its other campaigns, or null when it has none
     */
    public record ChannelResults(String channel, String label, long impressions, long clicks, long conversions,
            BigDecimal spend, WorkspaceChannel workspace) {

        public ChannelResults {
            Objects.requireNonNull(channel, "channel");
            label = label == null || label.isBlank() ? channel : label;
            spend = spend == null ? BigDecimal.ZERO : spend;
        }

        /** Clicks per impression, 0 without impressions. */
        public double clickRate() {
            return impressions == 0 ? 0 : (double) clicks / impressions;
        }

        public ObjectRef ref(UUID campaignId) {
            return new ObjectRef("channel", channel, label, "/analytics/campaigns/" + campaignId + "/channels/"
                    + UriUtils.encodePathSegment(channel, StandardCharsets.UTF_8));
        }
    }

    /** The workspace's impressions and clicks on one channel, which make its usual click rate there. */
    public record WorkspaceChannel(long impressions, long clicks) {

        public double clickRate() {
            return impressions == 0 ? 0 : (double) clicks / impressions;
        }
    }

    /**
     * Spend against the plan to date, as the budget page computes it; all three null when unknown (no budget, no
     * dates, not started).
     *
     * @param budget        the whole budget
     * @param plannedToDate what the plan had spent by today
     * @param spentToDate   what was spent by today
     */
    public record SpendPacing(BigDecimal budget, BigDecimal plannedToDate, BigDecimal spentToDate) {

        public static final SpendPacing UNKNOWN = new SpendPacing(null, null, null);

        public boolean known() {
            return budget != null && plannedToDate != null && spentToDate != null;
        }
    }

    /** Published posts that went out in one weekday and hour, and the clicks they earned. */
    public record PostingSlot(DayOfWeek day, int hour, int posts, long clicks) {

        public PostingSlot {
            Objects.requireNonNull(day, "day");
            if (hour < 0 || hour > 23 || posts < 0 || clicks < 0) {
                throw new IllegalArgumentException("a slot is an hour 0 to 23 with counts of at least 0");
            }
        }

        public double clicksPerPost() {
            return posts == 0 ? 0 : (double) clicks / posts;
        }

        /** The slot in words, for example {@code Tuesday 10:00}. */
        public String words() {
            return slotWords(day, hour);
        }
    }

    /** A post of the campaign still to go out on one channel, and its slot. */
    public record ScheduledPost(UUID id, String channelLabel, DayOfWeek day, int hour) {

        public ScheduledPost {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(day, "day");
        }

        public ObjectRef ref() {
            return new ObjectRef("channel-post", id.toString(), channelLabel + " post on " + slotWords(day, hour),
                    "/social/channel-posts/" + id + "/preview");
        }
    }

    /**
     * A creative with its click rate in its first weeks after its last change and lately.
     *
     * @param daysSinceChange   days since the creative was last changed
     * @param earlyClickRate    clicks per impression in the first 14 days after that change
     * @param recentClickRate   clicks per impression in the last 7 days
     * @param recentImpressions impressions in the last 7 days, which the recent rate rests on
     */
    public record CreativeResults(UUID id, String name, int daysSinceChange, double earlyClickRate,
            double recentClickRate, long recentImpressions) {

        public CreativeResults {
            Objects.requireNonNull(id, "id");
        }

        public ObjectRef ref() {
            return new ObjectRef("creative", id.toString(), name, "/creatives/" + id);
        }
    }

    /** What went wrong with a post: the network refused it, or nobody knows whether it went out. */
    public enum PostTrouble {
        FAILED, IN_DOUBT
    }

    /**
     * A post on one channel that needs a person.
     *
     * @param what what happened, in the network's or the scheduler's words
     */
    public record TroubledPost(UUID id, String channelLabel, PostTrouble trouble, String what) {

        public TroubledPost {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(trouble, "trouble");
        }

        public ObjectRef ref() {
            return new ObjectRef("channel-post", id.toString(), channelLabel + " post",
                    "/social/channel-posts/" + id + "/preview");
        }
    }

    /**
     * An email send with recipients it could not reach.
     *
     * @param failedRecipients how many recipients failed
     * @param failure          the most common failure, in the provider's or the sender's words
     */
    public record FailedSend(UUID id, String name, int failedRecipients, String failure) {

        public FailedSend {
            Objects.requireNonNull(id, "id");
        }

        public ObjectRef ref() {
            return new ObjectRef("email-campaign", id.toString(), name, "/email/campaigns/" + id);
        }
    }

    static String slotWords(DayOfWeek day, int hour) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + String.format(Locale.ROOT, "%02d:00", hour);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
