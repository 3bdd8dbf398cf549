package io.flightdeck.guidance.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A strategy version guidance generated and saved for review, with the evidence of what worked that it was given.
 *
 * @param generationId the generation, whose page shows this with the evidence
 * @param review       how the version is reviewed: it became the campaign's current version, and a new version sends
 *                     the campaign's strategy approval back for review
 */
public record GeneratedStrategy(
        @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5f") UUID generationId,
        @Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
        @Schema(example = "3") int version,
        @Schema(example = "Current") String status,
        @Schema(example = "Awaiting review: a new strategy version sends the strategy approval back for review")
        String review,
        @Schema(example = "built-in") String provider,
        @Schema(example = "[\"EMAIL\",\"INSTAGRAM\"]") List<Channel> platforms,
        @Schema(example = "[\"Drive 1,000 sign-ups or pre-orders\"]") List<String> goals,
        @Schema(example = "People who care about this: our spring collection") String targetAudience,
        @Schema(example = "[\"Customer stories\",\"Product features\"]") List<String> contentPillars,
        @Schema(example = "confident and clear") String brandTone,
        @Schema(example = "One email a week, four Instagram posts a week") String cadence,
        @Schema(example = "{\"EMAIL\":55,\"INSTAGRAM\":45}") Map<Channel, Integer> channelMix,
        @Schema(example = "{\"EMAIL\":62,\"INSTAGRAM\":38}") Map<Channel, Integer> budgetSplit,
        @Schema(example = "2026-12-13T10:15:30Z") Instant generatedAt,
        StrategyEvidence evidence) {
}
