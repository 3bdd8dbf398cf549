package io.flightdeck.campaigns.web;

import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.domain.CampaignFilter;
import io.flightdeck.campaigns.domain.CampaignReadiness;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.campaigns.domain.Readiness;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Effect;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

/**
 * The campaigns an AI assistant may read and change over MCP, on the services {@link CampaignsApiController} uses:
 * the same filters, paging, validation and roles as {@code GET /api/v1/campaigns}, {@code GET} and {@code PUT
 * /api/v1/campaigns/{id}}, its {@code /readiness}, and {@code POST /api/v1/campaigns}.
 */
@Configuration(proxyBeanMethods = false)
class CampaignTools {

    record ListInput(
            @Schema(description = "Only campaigns in these statuses; all when left out") Set<CampaignStatus> status,
            @Schema(description = "Words in the name or description") @Size(max = 200) String q,
            @Schema(description = "The page, from 0") Integer page,
            @Schema(description = "Campaigns a page, 1 to 100 (20 when left out)") Integer size) {
    }

    record GetInput(@Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID id) {
    }

    record UpdateInput(@Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID id,
            @Schema(description = "Every detail as it should be after the change: start from get_campaign's answer "
                    + "and change only what the person asked for") @NotNull @Valid CampaignRequest campaign) {
    }

    @Bean
    AssistantTool listCampaignsTool(Campaigns campaigns) {
        return AssistantTool.reading("list_campaigns", "List campaigns",
                "Lists the workspace's campaigns, most recently changed first, a page at a time: each with its id, "
                        + "name, status, type, priority, dates, owner and channels. Filter by status or by words in "
                        + "the name or description. Use an id it answers with get_campaign.",
                Toolset.CAMPAIGNS, ListInput.class,
                ResolvableType.forClassWithGenerics(PageResponse.class, CampaignView.class).getType(),
                input -> PageResponse.of(campaigns.list(new CampaignFilter(input.status(), null, null, null, null,
                        null, null, null, input.q()), Paging.of(input.page(), input.size(),
                        CampaignSorts.parse("updatedAt,desc"))), c -> c));
    }

    @Bean
    AssistantTool campaignReadinessTool(CampaignReadiness scores) {
        return AssistantTool.reading("get_campaign_readiness", "Get a campaign's readiness",
                "Answers how ready a campaign is to launch: its score against the workspace's threshold and the "
                        + "checklist, each item with whether it is met, why it matters and the page where it is fixed. "
                        + "Use it to say what blocks a campaign.",
                Toolset.CAMPAIGNS, GetInput.class, Readiness.class, input -> scores.readiness(input.id()));
    }

    @Bean
    AssistantTool createCampaignTool(Campaigns campaigns) {
        return AssistantTool.creating("create_campaign", "Create a campaign",
                "Creates a campaign in the workspace as a draft, owned by the person unless ownerId says otherwise. "
                        + "Managers and above. Dry run it first and show the person the campaign it would make.",
                Toolset.CAMPAIGNS, Role.MANAGER, CampaignRequest.class, CampaignView.class,
                request -> campaigns.create(request.toDetails()));
    }

    @Bean
    AssistantTool updateCampaignTool(Campaigns campaigns) {
        return AssistantTool.changing("update_campaign", "Change a campaign's details",
                "Replaces a campaign's details (name, description, type, objective, priority, channels, tags, dates, "
                        + "budget, owner) with the ones given; its status moves by other tools. Managers and above. "
                        + "Dry run it first: the answer lists each field that would change, before and after.",
                Toolset.CAMPAIGNS, Role.MANAGER, Effect.WRITES_IDEMPOTENT, UpdateInput.class, CampaignView.class,
                input -> campaigns.get(input.id()),
                input -> campaigns.update(input.id(), input.campaign().toDetails(), null));
    }

    @Bean
    AssistantTool getCampaignTool(Campaigns campaigns) {
        return AssistantTool.reading("get_campaign", "Get a campaign",
                "Answers one campaign by its id: its details, status, dates, budget, owner, channels and version.",
                Toolset.CAMPAIGNS, GetInput.class, CampaignView.class, input -> campaigns.get(input.id()));
    }
}
