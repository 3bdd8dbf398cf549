package io.flightdeck.publishing.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.publishing.posts.SocialPostView;
import io.flightdeck.publishing.posts.SocialScheduler.ScheduleCommand;
import io.flightdeck.publishing.posts.SocialScheduler.Target;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request and response bodies of the social scheduler's API, named for springdoc's schemas. */
final class SocialApiRequests {

    private SocialApiRequests() {
    }

    /** What the network options are, for the OpenAPI document. */
    static final String NETWORK_OPTIONS = "the network's choices for this post, as GET "
            + "/api/v1/channels/post-options/{accountId} offers them: format (feed, reel, story...), TikTok's privacy "
            + "and interaction switches";

    /**
     * A post to one account.
     *
     * @param at null for the account's next best time
     */
    record ScheduleRequest(@Schema(example = "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b") @NotNull UUID campaignId,
            @Schema(nullable = true, description = "the creative whose channel text and media the post carries; left "
                    + "out, the text makes a creative behind the post") UUID creativeId,
            @Schema(nullable = true, example = "3", description = "the creative's version you saw: 409 "
                    + "creative-changed when it moved on") Integer creativeVersion,
            @Schema(example = "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7c") @NotNull UUID accountId,
            @Schema(nullable = true, example = "Spring roast launch") @Size(max = 200) String title,
            @Schema(nullable = true, description = "the post's text; the creative's channel text when left out")
            String text,
            @Schema(nullable = true, description = "posted as a reply or comment right after the post") String firstComment,
            @Schema(nullable = true, example = "2026-12-01T10:30:00Z", description = "left out: the account's next "
                    + "best time") Instant at,
            @Schema(nullable = true, description = "images or videos from the library; the creative's when left out")
            List<UUID> mediaAssetIds,
            @Schema(nullable = true, example = "3") Integer maxRetries,
            @Schema(nullable = true, description = NETWORK_OPTIONS) Map<String, String> networkOptions) {

        ScheduleCommand toCommand() {
            return new ScheduleCommand(campaignId, creativeId, creativeVersion, title, List.of(new Target(accountId, text,
                    firstComment, at, networkOptions)), at, text, firstComment, mediaAssetIds, maxRetries);
        }
    }

    /** A post to several accounts, each at its own best time unless a time is given. */
    record MultiScheduleRequest(@Schema(example = "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b") @NotNull UUID campaignId,
            @Schema(nullable = true, description = "the creative whose channel texts and media the post carries; left "
                    + "out, the text makes a creative behind the post") UUID creativeId,
            @Schema(nullable = true, example = "3", description = "the creative's version you saw: 409 "
                    + "creative-changed when it moved on") Integer creativeVersion,
            @Schema(nullable = true, example = "Spring roast launch") @Size(max = 200) String title,
            @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull TargetRequest> targets,
            @Schema(nullable = true, description = "every account's time unless it gives its own; left out: each "
                    + "account's next best time") Instant at,
            @Schema(nullable = true, description = "every account's text unless it gives its own") String text,
            @Schema(nullable = true) String firstComment,
            @Schema(nullable = true) List<UUID> mediaAssetIds,
            @Schema(nullable = true, example = "3") Integer maxRetries) {

        ScheduleCommand toCommand() {
            return new ScheduleCommand(campaignId, creativeId, creativeVersion, title, targets.stream()
                    .map(TargetRequest::toTarget).toList(), at, text, firstComment, mediaAssetIds, maxRetries);
        }
    }

    record TargetRequest(@Schema(example = "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7c") @NotNull UUID accountId,
            @Schema(nullable = true) String text, @Schema(nullable = true) String firstComment,
            @Schema(nullable = true) Instant at,
            @Schema(nullable = true, description = NETWORK_OPTIONS) Map<String, String> networkOptions) {

        Target toTarget() {
            return new Target(accountId, text, firstComment, at, networkOptions);
        }
    }

    record RescheduleRequest(@Schema(nullable = true, example = "2026-12-01T10:30:00Z",
            description = "left out: the account's next best time") Instant at) {
    }

    record EditRequest(@Schema(nullable = true) String text,
            @Schema(nullable = true, description = "an empty text removes it") String firstComment,
            @Schema(nullable = true) List<UUID> mediaAssetIds,
            @Schema(nullable = true, description = NETWORK_OPTIONS + "; left out: unchanged, {} clears them")
            Map<String, String> networkOptions) {
    }

    record ResolveRequest(@Schema(example = "true", description = "true: it is on the network; false: send it again")
            @NotNull Boolean foundOnNetwork,
            @Schema(nullable = true, example = "https://x.com/roastery/status/1") String url) {
    }

    record BestTime(UUID accountId, Instant at) {
    }

    /**
     * Many channel posts moved at once.
     *
     * @param shift how far to move each (ISO-8601, such as PT2H or -P1D); left out: each to its next best time
     */
    record BulkRescheduleRequest(@NotNull @Size(min = 1, max = 1000) List<UUID> channelPostIds,
            @Schema(nullable = true, example = "P1D") Duration shift) {
    }

    record BatchResult(int created, List<SocialPostView> posts) {
    }
}
