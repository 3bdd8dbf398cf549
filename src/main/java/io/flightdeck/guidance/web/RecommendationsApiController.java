package io.flightdeck.guidance.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.guidance.recommendations.ReactionKind;
import io.flightdeck.guidance.recommendations.ReactionMemory.CampaignReactions;
import io.flightdeck.guidance.recommendations.ReactionMemory.ReactionView;
import io.flightdeck.guidance.recommendations.Recommendation;
import io.flightdeck.guidance.situation.CampaignNextSteps;
import io.flightdeck.guidance.situation.CampaignNextSteps.NextSteps;
import io.flightdeck.shared.InputProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's recommendations and what people did with them: read by any member, answered (accept, dismiss, snooze)
 * and undone by contributors and up (viewers and approvers read them).
 */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/prompting")
@Tag(name = "Guidance")
class RecommendationsApiController {

    static final int MAX_ID_LENGTH = 100;

    private final CampaignNextSteps nextSteps;

    RecommendationsApiController(CampaignNextSteps nextSteps) {
        this.nextSteps = nextSteps;
    }

    /** How many of the campaign's reactions are in force, per kind, and the same in words. */
    record ReactionCounts(@Schema(example = "1") long accepted, @Schema(example = "1") long dismissed,
            @Schema(example = "3") long snoozed, @Schema(example = "1 accepted, 1 dismissed, 3 snoozed") String words) {

        static ReactionCounts of(CampaignReactions reactions) {
            Map<ReactionKind, Long> c = reactions.counts();
            return new ReactionCounts(c.getOrDefault(ReactionKind.ACCEPTED, 0L),
                    c.getOrDefault(ReactionKind.DISMISSED, 0L), c.getOrDefault(ReactionKind.SNOOZED, 0L),
                    reactions.summary());
        }
    }

    record RecommendationsResponse(@Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
            @Schema(description = "Ranked: recovery first, then money, performance and nice-to-have; within each the "
                    + "largest gap, then the least effort") List<Recommendation> recommendations,
            @Schema(description = "The reactions in force, which hide recommendations") ReactionCounts reactions) {
    }

    record ReactionsResponse(@Schema(example = "0190c2a4-7b7e-7c4c-9d8e-3f1a2b3c4d5e") UUID campaignId,
            @Schema(description = "Newest first") List<ReactionView> reactions, ReactionCounts counts) {
    }

    /** A reaction to one recommendation, named by its rule and target as the recommendation gives them. */
    record ReactionRequest(
            @Schema(example = "underperforming-channel", maxLength = MAX_ID_LENGTH) String ruleId,
            @Schema(example = "channel", maxLength = MAX_ID_LENGTH) String targetType,
            @Schema(example = "FACEBOOK", maxLength = MAX_ID_LENGTH) String targetId,
            @Schema(example = "SNOOZED") ReactionKind response,
            @Schema(description = "Required to dismiss", example = "We are waiting for the new visuals",
                    maxLength = 500) String reason,
            @Schema(description = "Required to snooze: the day it comes back; to dismiss, instead of 90 days",
                    example = "2099-01-15") LocalDate until) {
    }

    @Operation(summary = "Get suggestions: the campaign's ranked recommendations that no reaction hides, each with "
            + "what to do, why with its evidence linked, the expected effect, the effort and the one-click action, and "
            + "the counts of the reactions in force; 404 for a campaign of another workspace")
    @GetMapping("/recommendation")
    RecommendationsResponse recommendation(@PathVariable UUID id) {
        NextSteps steps = nextSteps.of(id);
        return new RecommendationsResponse(id, steps.recommendations(), ReactionCounts.of(steps.reactions()));
    }

    @Operation(summary = "Record a reaction to one of the campaign's current recommendations (contributors and up): "
            + "ACCEPTED, DISMISSED with a reason, or SNOOZED until a day; a recommendation the campaign does not have "
            + "now is a 409 problem of type recommendation-not-current; a later reaction replaces an earlier one")
    @PostMapping("/record-response")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    @ResponseStatus(HttpStatus.CREATED)
    ReactionView recordResponse(@PathVariable UUID id, @RequestBody ReactionRequest body) {
        check(body);
        return nextSteps.respond(id, body.ruleId().strip(), body.targetType().strip(), body.targetId().strip(),
                body.response(), body.reason(), body.until());
    }

    @Operation(summary = "The campaign's reactions in force (not undone, replaced or run out), newest first, with "
            + "counts per kind")
    @GetMapping("/responses")
    ReactionsResponse responses(@PathVariable UUID id) {
        CampaignReactions reactions = nextSteps.reactions(id);
        return new ReactionsResponse(id, reactions.reactions(), ReactionCounts.of(reactions));
    }

    @Operation(summary = "Undo a reaction (contributors and up): its recommendation shows again and it no longer counts "
            + "in the rule's acceptance rate; 409 when it was already undone or replaced")
    @DeleteMapping("/responses/{reactionId}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void undo(@PathVariable UUID id, @PathVariable UUID reactionId) {
        nextSteps.undo(id, reactionId);
    }

    /** The shape of the request, before the campaign is read; the reaction's own rules are the memory's. */
    private static void check(ReactionRequest body) {
        InputProblems problems = new InputProblems();
        if (body == null) {
            problems.add("response", "Name the recommendation and the response.");
            problems.throwIfAny("The response");
        }
        required(problems, "ruleId", body.ruleId());
        required(problems, "targetType", body.targetType());
        required(problems, "targetId", body.targetId());
        if (body.response() == null) {
            problems.add("response", "Choose ACCEPTED, DISMISSED or SNOOZED.");
        } else if (body.response() == ReactionKind.DISMISSED && (body.reason() == null || body.reason().isBlank())) {
            problems.add("reason", "Say why you dismiss it, so the team knows.");
        } else if (body.response() == ReactionKind.SNOOZED && body.until() == null) {
            problems.add("until", "Choose the day it should come back.");
        }
        if (body.reason() != null && body.reason().strip().length() > 500) {
            problems.add("reason", "A reason has at most 500 characters.");
        }
        problems.throwIfAny("The response");
    }

    private static void required(InputProblems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, "Give the recommendation's " + field + ".");
        } else if (value.strip().length() > MAX_ID_LENGTH) {
            problems.add(field, "At most " + MAX_ID_LENGTH + " characters.");
        }
    }
}
