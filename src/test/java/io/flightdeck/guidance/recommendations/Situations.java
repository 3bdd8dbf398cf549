package io.flightdeck.guidance.recommendations;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.guidance.recommendations.CampaignSituation.ChannelResults;
import io.flightdeck.guidance.recommendations.CampaignSituation.CreativeResults;
import io.flightdeck.guidance.recommendations.CampaignSituation.FailedSend;
import io.flightdeck.guidance.recommendations.CampaignSituation.PostTrouble;
import io.flightdeck.guidance.recommendations.CampaignSituation.PostingSlot;
import io.flightdeck.guidance.recommendations.CampaignSituation.ScheduledPost;
import io.flightdeck.guidance.recommendations.CampaignSituation.SpendPacing;
import io.flightdeck.guidance.recommendations.CampaignSituation.TroubledPost;
import io.flightdeck.guidance.recommendations.CampaignSituation.WorkspaceChannel;

/** Crafted campaigns for the rule tests: an active campaign in EUR with nothing in it until a test adds it. */
final class Situations {

    static final RuleBook RULES = new RuleBook();

    private UUID campaignId = UUID.randomUUID();
    private String status = "ACTIVE";
    private final List<ChannelResults> channels = new ArrayList<>();
    private SpendPacing pacing = SpendPacing.UNKNOWN;
    private final List<PostingSlot> slots = new ArrayList<>();
    private final List<ScheduledPost> scheduled = new ArrayList<>();
    private final List<CreativeResults> creatives = new ArrayList<>();
    private final List<TroubledPost> troubled = new ArrayList<>();
    private final List<FailedSend> sends = new ArrayList<>();

    static Situations campaign() {
        return new Situations();
    }

    static RuleDefinition rule(String id) {
        return RULES.require(id);
    }

    Situations id(UUID id) {
        this.campaignId = id;
        return this;
    }

    Situations status(String status) {
        this.status = status;
        return this;
    }

    /** A channel of this campaign against the workspace's impressions and clicks on it. */
    Situations channel(String channel, long impressions, long clicks, long workspaceImpressions, long workspaceClicks) {
        channels.add(new ChannelResults(channel, channel.charAt(0) + channel.substring(1).toLowerCase(), impressions,
                clicks, 2, new BigDecimal("300"), new WorkspaceChannel(workspaceImpressions, workspaceClicks)));
        return this;
    }

    Situations pacing(String budget, String planned, String spent) {
        this.pacing = new SpendPacing(new BigDecimal(budget), new BigDecimal(planned), new BigDecimal(spent));
        return this;
    }

    Situations slot(DayOfWeek day, int hour, int posts, long clicks) {
        slots.add(new PostingSlot(day, hour, posts, clicks));
        return this;
    }

    Situations scheduled(UUID id, DayOfWeek day, int hour) {
        scheduled.add(new ScheduledPost(id, "Facebook", day, hour));
        return this;
    }

    Situations creative(UUID id, String name, int days, double early, double recent, long recentImpressions) {
        creatives.add(new CreativeResults(id, name, days, early, recent, recentImpressions));
        return this;
    }

    Situations troubled(UUID id, String channelLabel, PostTrouble trouble, String what) {
        troubled.add(new TroubledPost(id, channelLabel, trouble, what));
        return this;
    }

    Situations failedSend(UUID id, String name, int failed, String failure) {
        sends.add(new FailedSend(id, name, failed, failure));
        return this;
    }

    CampaignSituation build() {
        return new CampaignSituation(campaignId, "Spring push", status, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 10), "EUR", channels, pacing, slots, scheduled,
                creatives, troubled, sends);
    }

    /** What one rule recommends for this campaign. */
    List<Recommendation> by(String ruleId) {
        return Recommender.recommend(build(), List.of(rule(ruleId)));
    }
}
