package io.flightdeck.campaigns.web;

import java.util.UUID;

import io.flightdeck.campaigns.domain.CampaignLifecycle;
import io.flightdeck.campaigns.domain.CampaignTransition;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Effect;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A campaign's lifecycle for AI assistants, on the service the lifecycle endpoints ({@code POST
 * /api/v1/campaigns/{id}/plan}, {@code /mark-ready}, {@code /launch}…) use: the same gate, refusals and roles. The
 * moves that end a campaign (complete, cancel) are their own tool, marked destructive, so the person agrees to them
 * explicitly; the others are one tool with the move as an argument.
 */
@Configuration(proxyBeanMethods = false)
class CampaignLifecycleTools {

    /** The moves that keep a campaign going; the destructive ones are {@link Ending}. */
    enum Move {
        PLAN(CampaignTransition.PLAN), MARK_READY(CampaignTransition.MARK_READY), LAUNCH(CampaignTransition.LAUNCH),
        PAUSE(CampaignTransition.PAUSE), RESUME(CampaignTransition.RESUME), ARCHIVE(CampaignTransition.ARCHIVE);

        final CampaignTransition transition;

        Move(CampaignTransition transition) {
            this.transition = transition;
        }
    }

    enum Ending {
        COMPLETE(CampaignTransition.COMPLETE), CANCEL(CampaignTransition.CANCEL);

        final CampaignTransition transition;

        Ending(CampaignTransition transition) {
            this.transition = transition;
        }
    }

    record MoveInput(@Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID id,
            @Schema(description = "The move: PLAN (draft to planning), MARK_READY (planning to ready), LAUNCH (ready "
                    + "to active), PAUSE, RESUME, ARCHIVE (a completed or cancelled campaign); get_campaign's "
                    + "allowedTransitions says which the campaign allows now") @NotNull Move move,
            @Schema(description = "LAUNCH below the readiness threshold (managers); never past a blocker. Only when "
                    + "the person asked for it, with a reason") Boolean force,
            @Schema(description = "Why, when forcing") @Size(max = 500) String reason,
            @Schema(description = "LAUNCH despite the warnings a refusal listed (before the start date, the plan "
                    + "ending after the end date), once the person accepted them") Boolean acceptWarnings) {
    }

    record EndInput(@Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID id,
            @Schema(description = "COMPLETE (an active or paused campaign is done) or CANCEL (a campaign that has "
                    + "not completed stops for good)") @NotNull Ending ending,
            @Schema(description = "Why, for the activity feed") @Size(max = 500) String reason) {
    }

    @Bean
    AssistantTool moveCampaignTool(Campaigns campaigns, CampaignLifecycle lifecycle) {
        return AssistantTool.changing("move_campaign", "Move a campaign along its lifecycle",
                "Moves a campaign to its next status: start planning, mark ready, launch, pause, resume or archive. "
                        + "Marking ready and launching pass the readiness gate: a refusal lists the blockers or the "
                        + "missing checklist items (get_campaign_readiness explains each). Managers and above. Dry "
                        + "run it first: the answer shows the status before and after.",
                Toolset.CAMPAIGNS, Role.MANAGER, Effect.WRITES, MoveInput.class, CampaignView.class,
                input -> campaigns.get(input.id()),
                input -> lifecycle.transition(input.id(), input.move().transition, Boolean.TRUE.equals(input.force()),
                        input.reason(), Boolean.TRUE.equals(input.acceptWarnings()), null));
    }

    @Bean
    AssistantTool endCampaignTool(Campaigns campaigns, CampaignLifecycle lifecycle) {
        return AssistantTool.changing("end_campaign", "Complete or cancel a campaign",
                "Ends a campaign: COMPLETE when its work is done, CANCEL to stop it for good (its scheduled posts are "
                        + "cancelled). Neither can be undone. Managers and above. Dry run it, tell the "
                        + "person what ends, and only with their yes call it with the confirmation and "
                        + "confirmDestroy: true.",
                Toolset.CAMPAIGNS, Role.MANAGER, Effect.DESTROYS, EndInput.class, CampaignView.class,
                input -> campaigns.get(input.id()),
                input -> lifecycle.transition(input.id(), input.ending().transition, false, input.reason(), false,
                        null));
    }
}
