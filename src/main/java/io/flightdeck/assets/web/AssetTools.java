package io.flightdeck.assets.web;

import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetPlacement;
import io.flightdeck.assets.domain.AssetSearch;
import io.flightdeck.assets.domain.AssetSearchQuery;
import io.flightdeck.assets.domain.AssetSearchResult;
import io.flightdeck.assets.domain.AssetUseView;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The asset library as an AI assistant may use it over MCP, on the services {@link AssetSearchApiController} and
 * {@link AssetsApiController} use: search as {@code GET /api/v1/campaign-assets/search}, one asset as {@code GET
 * /api/v1/campaign-assets/{id}}, and reuse as {@code POST /api/v1/campaign-assets/{id}/reuse}. Uploads stay with
 * people: an assistant has no file to send.
 */
@Configuration(proxyBeanMethods = false)
class AssetTools {

    record SearchInput(
            @Schema(description = "Words in the title, headline, name, description, copy or call to action; all must "
                    + "match; \"a phrase\", prefix* and -word work") @Size(max = 500) String q,
            @Schema(description = "Only these types (any of them)") @Size(max = 9) Set<@NotNull AssetType> type,
            @Schema(description = "Only assets with all of these tags") @Size(max = 20) Set<@NotBlank @Size(max = 60) String> tag,
            @Schema(description = "Only assets used in spaces on these ad platforms (any of them)") @Size(max = 12)
            Set<@NotNull AdPlatform> platform,
            @Schema(description = "Only assets in this campaign space") UUID spaceId,
            @Schema(description = "Only assets used in this campaign, as list_campaigns answers it") UUID campaignId,
            @Schema(description = "Part of the file name, any case") @Size(max = 200) String name,
            @Schema(description = "true for archived assets only; live ones when left out") Boolean archived,
            @Schema(description = "relevance (the default; newest first without words) or newest") @Size(max = 20)
            String sort,
            @Schema(description = "The page, from 0") Integer page,
            @Schema(description = "Assets a page, 1 to 100 (20 when left out)") Integer size,
            @Schema(description = "false leaves out the counts per type, tag, platform and space (cheaper)")
            Boolean facets) {
    }

    record GetInput(@Schema(description = "The asset's id, as search_assets answers it") @NotNull UUID id) {
    }

    record ReuseInput(@Schema(description = "The asset's id, as search_assets answers it") @NotNull UUID assetId,
            @Schema(description = "The campaign it is reused in (the space's campaign when spaceId is given)")
            UUID campaignId,
            @Schema(description = "The campaign space it is reused in; give this or campaignId") UUID spaceId,
            @Schema(description = "Where and how it is used, e.g. hero banner of the landing page") @Size(max = 1000)
            String context) {
    }

    @Bean
    AssistantTool searchAssetsTool(AssetSearch search) {
        return AssistantTool.reading("search_assets", "Search the asset library",
                "Searches the workspace's asset library (images, videos, ad copy, headlines, descriptions, calls to "
                        + "action, documents) by words, type, tags, platform, space, campaign or file name, best "
                        + "matches first, a page at a time, with the total and counts per type, tag, platform and "
                        + "space over all hits. Each hit has its id for get_asset and reuse_asset.",
                Toolset.ASSETS, SearchInput.class, AssetSearchResult.class, input -> {
                    PageRequest paging = Paging.of(input.page(), input.size(), Sort.unsorted());
                    return search.search(new AssetSearchQuery(input.q(), input.type(), input.tag(), input.platform(),
                                    input.spaceId(), input.campaignId(), input.name(), input.archived(),
                                    AssetSearchApiController.order(input.sort())),
                            paging.getPageNumber(), paging.getPageSize(), !Boolean.FALSE.equals(input.facets()));
                });
    }

    @Bean
    AssistantTool getAssetTool(AssetLookup lookup) {
        return AssistantTool.reading("get_asset", "Get an asset",
                "Answers one asset by its id, archived ones too: its name, type, file, text, tags, usage rights, "
                        + "where it was added, how often it was reused, and its version.",
                Toolset.ASSETS, GetInput.class, AssetView.class, input -> lookup.get(input.id()));
    }

    @Bean
    AssistantTool reuseAssetTool(AssetLibrary library) {
        return AssistantTool.creating("reuse_asset", "Reuse an asset in a campaign",
                "Reuses a live asset in another campaign or campaign space, recorded in its use history with the "
                        + "caller, the time and the context; refused when it is already used there. Contributors and "
                        + "above. Dry run it first and show the person where the asset would be reused.",
                Toolset.ASSETS, Role.CONTRIBUTOR, ReuseInput.class, AssetUseView.class, input -> {
                    AssetPlacement placement = library.placement(input.campaignId(), input.spaceId());
                    return library.reuse(input.assetId(), placement,
                            input.context() == null || input.context().isBlank() ? null : input.context().strip());
                });
    }
}
