package io.flightdeck.guidance.strategy;

import java.util.List;

import io.flightdeck.campaigns.Channel;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What worked in the workspace's past campaigns, as a strategy draft was given it: which campaigns were read, each
 * channel's results against the workspace's average, and the pillars of the campaigns that did best.
 *
 * @param basis     which past campaigns were read: {@code finished} (completed or archived ones, when at least three
 *                  have numbers), {@code all} (every other campaign with numbers) or {@code none}
 * @param campaigns how many past campaigns with numbers were read
 * @param findings  the sentences the generator was given
 */
record StrategyEvidence(@Schema(example = "finished") String basis, @Schema(example = "4") int campaigns,
        @Schema(description = "Every channel with numbers, strongest first") List<ChannelEvidence> channels,
        @Schema(description = "Pillars of the campaigns that did best, best first") List<PillarEvidence> pillars,
        @Schema(example = "[\"Email in 3 past campaigns: click rate 3.10 %, 12 conversions a campaign, return 2.50x; 1.80 times the average\"]") List<String> findings) {

    public static StrategyEvidence none() {
        return new StrategyEvidence("none", 0, List.of(), List.of(), List.of(
                "No past campaign of the workspace has numbers yet, so the draft follows the campaign's brief alone"));
    }

    /**
     * One channel over the past campaigns that used it.
     *
     * @param clickRate     clicks per impression (per delivered email), in percent; null without either
     * @param returnOnSpend revenue per unit of spend, averaged over the campaigns that spent; null without spend
     * @param strength      results against the workspace's average over every channel: 1 is average
     */
    public record ChannelEvidence(
            @Schema(example = "EMAIL") Channel channel,
            @Schema(example = "3") int campaigns,
            @Schema(example = "3.1") @Nullable Double clickRate,
            @Schema(example = "12") double conversionsPerCampaign,
            @Schema(example = "2.5") Double returnOnSpend,
            @Schema(example = "1.8") double strength,
            @Schema(example = "true") boolean usedByThisCampaign) {
    }

    /**
     * A content pillar of past strategies, by how the campaigns with it did.
     *
     * @param score the campaigns' results against the workspace's average: 1 is average
     */
    public record PillarEvidence(
            @Schema(example = "Customer stories") String pillar,
            @Schema(example = "2") int campaigns,
            @Schema(example = "1.4") double score) {
    }
}
