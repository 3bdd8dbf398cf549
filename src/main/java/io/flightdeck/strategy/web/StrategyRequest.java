package io.flightdeck.strategy.web;

import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.strategy.AdObjective;
import io.flightdeck.strategy.domain.AdsConfig;
import io.flightdeck.strategy.domain.StrategyDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The body of a strategy save; every save becomes a new version. */
record StrategyRequest(
        @Schema(example = "[\"INSTAGRAM\",\"FACEBOOK\"]") @Size(max = 20) List<@NotNull Channel> platforms,
        @Schema(example = "[\"2,000 trial sign-ups\",\"300 sales-qualified leads\"]") @Size(max = 20) List<@Size(max = 200) String> goals,
        @Schema(example = "Operations managers at mid-sized logistics firms in EMEA") @Size(max = 4000) String targetAudience,
        @Schema(example = "[\"Customer stories\",\"Product tips\"]") @Size(max = 20) List<@Size(max = 200) String> contentPillars,
        @Schema(example = "Confident, warm, no jargon") @Size(max = 2000) String brandTone,
        @Schema(example = "No competitor names; legal review for every claim") @Size(max = 4000) String constraints,
        @Schema(example = "3 posts a week on Instagram, a newsletter every other Tuesday") @Size(max = 2000) String cadence,
        @Valid Ads adsConfig,
        @Schema(description = "Whole percent of the content per platform; when given the shares add up to 100",
                example = "{\"INSTAGRAM\":70,\"FACEBOOK\":30}")
        Map<Channel, @NotNull @Min(0) @Max(100) Integer> channelMix,
        @Schema(description = "The newest version you saw (0 for none); a newer one answers 409 strategy-changed")
        @PositiveOrZero Integer basedOnVersion) {

    record Ads(@Schema(example = "LEADS") AdObjective objective,
            @Schema(description = "Whole percent per platform; when given the shares add up to 100", example = "{\"INSTAGRAM\":60,\"FACEBOOK\":40}")
            Map<Channel, @NotNull @Min(0) @Max(100) Integer> budgetSplit,
            @Schema(example = "Cap CPC at 2 EUR") @Size(max = 2000) String biddingNotes) {
    }

    StrategyDetails toDetails() {
        AdsConfig ads = adsConfig == null ? null
                : new AdsConfig(adsConfig.objective(), adsConfig.budgetSplit(), adsConfig.biddingNotes());
        return new StrategyDetails(platforms, goals, targetAudience, contentPillars, brandTone, constraints, cadence, ads,
                channelMix);
    }
}
