package io.flightdeck.guidance.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.ReadinessScore;
import io.flightdeck.guidance.blockers.Blocker;
import io.flightdeck.guidance.outcomes.RecordedPrediction;
import io.flightdeck.guidance.outcomes.TrackRecord;
import io.flightdeck.guidance.recommendations.Recommendation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Seed 002's orchestration dashboard for one campaign: everything guidance knows about it from one evaluation, so the
 * parts agree. Recommendations are split by what they adjust; those a reaction hides are left out (as on the card),
 * except recovery, which stays until the failure is recovered.
 */
@Schema(name = "OrchestrationDashboard")
public record OrchestrationDashboard(
        @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
        @Schema(example = "Spring launch") String name,
        @Schema(example = "ACTIVE") String status,
        @Schema(example = "2027-03-01T09:30:00Z") Instant evaluatedAt,
        @Schema(description = "The readiness score as the campaign page shows it") ReadinessScore readiness,
        @Schema(description = "Urgent action items: the blockers that stop the launch") List<Blocker> urgent,
        @Schema(description = "Failed posts, in-doubt posts and failed sends with the action that recovers each")
        List<Recommendation> failureRecovery,
        @Schema(description = "Budget adjustments: spend off its plan") List<Recommendation> budget,
        @Schema(description = "Channels that earn less than the workspace's usual") List<Recommendation> channels,
        @Schema(description = "Creatives whose results faded") List<Recommendation> content,
        @Schema(description = "Posts scheduled outside the workspace's best hours") List<Recommendation> timing,
        @Schema(description = "What each channel earned so far beside the workspace's other campaigns")
        List<ChannelPerformance> channelPerformance,
        @Schema(description = "How likely the campaign is to meet its objective, as predict-success answers")
        RecordedPrediction prediction,
        @Schema(description = "The campaign's earlier predictions and how they turned out")
        TrackRecord.OfCampaign trackRecord,
        @Schema(description = "Reactions in force that hide recommendations, in words", example = "3 snoozed")
        String hidden) {

    /**
     * One channel's results in the campaign.
     *
     * @param clickRate          clicks per impression in percent, null without impressions
     * @param workspaceClickRate the workspace's other campaigns' on the channel, in percent, null without any
     */
    @Schema(name = "OrchestrationChannelPerformance")
    public record ChannelPerformance(
            @Schema(example = "FACEBOOK") String channel,
            @Schema(example = "Facebook") String label,
            @Schema(example = "120000") long impressions,
            @Schema(example = "504") long clicks,
            @Schema(example = "31") long conversions,
            @Schema(example = "820.00") BigDecimal spend,
            @Schema(example = "0.42", nullable = true) Double clickRate,
            @Schema(example = "1.2", nullable = true) Double workspaceClickRate) {
    }
}
