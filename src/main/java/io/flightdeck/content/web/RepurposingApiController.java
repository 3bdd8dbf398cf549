package io.flightdeck.content.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.creatives.CreativeView;
import io.flightdeck.content.generation.FormatRecommendations;
import io.flightdeck.content.generation.LengthFitter;
import io.flightdeck.content.generation.RepurposeFormat;
import io.flightdeck.content.repurposing.RepurposeSourceView;
import io.flightdeck.content.repurposing.RepurposedItemView;
import io.flightdeck.content.repurposing.RepurposedStatus;
import io.flightdeck.content.repurposing.Repurposing;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.web.ReadOnlyOperation;
import io.flightdeck.strategy.StrategyDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Repurposing (seed 002) under {@code /api/v1/content}: repurpose, repurposed, variations, optimize-length, ... */
@RestController
@RequestMapping("/api/v1/content")
@Tag(name = "Repurposing")
class RepurposingApiController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final Repurposing repurposing;
    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;

    RepurposingApiController(Repurposing repurposing, CampaignDirectory campaigns, StrategyDirectory strategies) {
        this.repurposing = repurposing;
        this.campaigns = campaigns;
        this.strategies = strategies;
    }

    record ContentRepurposeRequest(
            @Schema(description = "The campaign whose strategy and brand to write in", nullable = true) UUID campaignId,
            @Schema(example = "From farm to cup") @Size(max = 200) String title,
            @Schema(example = "Every bag of coffee we sell starts on a hillside thousands of kilometres away, and the "
                    + "story of how it reaches your kitchen is longer than most people expect. This post walks through "
                    + "the whole journey: the farms we buy from, the way we choose a lot, how we roast it, and what all "
                    + "of that means for the cup you drink on a slow Saturday morning. Most supermarket coffee is a "
                    + "blend of beans from many countries, chosen to taste the same all year round.")
            @Size(max = Repurposing.MAX_TEXT) String text,
            @Schema(description = "A document of the library (text, Markdown or PDF) instead of text", nullable = true)
            UUID documentAssetId,
            @Schema(example = "[\"LINKEDIN_POST\", \"X_THREAD\"]") Set<RepurposeFormat> formats,
            @Schema(example = "3") @Min(1) @Max(5) Integer variations,
            @Schema(example = "42", description = "the same text and seed give the same pieces") Long seed) {
    }

    @Operation(summary = "Repurpose a long text, or a document of the library, into LinkedIn post, Instagram caption, "
            + "TikTok script, X thread and email section, with 3 variations each by default (contributors); 201 with "
            + "the pieces, each a draft")
    @ApiResponse(responseCode = "201", description = "The content repurposed: the source and its items",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Repurposing.RepurposeResult.class)))
    @PostMapping("/repurpose")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<Repurposing.RepurposeResult> repurpose(@Valid @RequestBody ContentRepurposeRequest request) {
        Repurposing.RepurposeResult result = repurposing.repurpose(new Repurposing.Command(request.campaignId(), request.title(),
                request.text(), request.documentAssetId(), request.formats(),
                request.variations() == null ? 3 : request.variations(), request.seed()));
        return ResponseEntity.created(URI.create("/api/v1/content/repurposed/" + result.source().id())).body(result);
    }

    @Operation(summary = "Texts repurposed so far, newest first, paged; a campaign's with campaignId")
    @GetMapping("/repurposed")
    PageResponse<RepurposeSourceView> sources(@RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(repurposing.sources(campaignId, Paging.of(page, size, NEWEST_FIRST)), s -> s);
    }

    @Operation(summary = "A repurposed text with its pieces, by format and variation")
    @GetMapping("/repurposed/{sourceId}")
    Repurposing.RepurposeResult repurposed(@PathVariable UUID sourceId) {
        return repurposing.get(sourceId);
    }

    record ContentVariationsRequest(@Schema(example = "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b") @NotNull UUID sourceId,
            @Schema(example = "X_THREAD") @NotNull RepurposeFormat format,
            @Schema(example = "2") @Min(1) @Max(5) Integer count) {
    }

    @Operation(summary = "More variations of one format from a repurposed text (contributors)")
    @PostMapping("/variations")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    List<RepurposedItemView> variations(@Valid @RequestBody ContentVariationsRequest request) {
        return repurposing.moreVariations(request.sourceId(), request.format(),
                request.count() == null ? 3 : request.count());
    }

    record ContentOptimizeLengthRequest(
            @Schema(example = "Our spring coffees arrive next month. Sign up to hear when they land. We open at nine.")
            @NotBlank @Size(max = Repurposing.MAX_TEXT) String text,
            @Schema(example = "60", description = "a limit in characters; or give channel") @Min(1) Integer limit,
            @Schema(description = "the network whose limit applies", nullable = true) Channel channel) {
    }

    record ContentOptimizedLength(String text, int chars, int limit, boolean shortened) {
    }

    @Operation(summary = "Fit a text to a limit without cutting a sentence in half (whole sentences go from the end; a "
            + "first sentence too long is ended at a clause, else the text starts at a later sentence that fits; only "
            + "when nothing fits is a sentence cut at a word with an ellipsis); writes nothing")
    @PostMapping("/optimize-length")
    @ReadOnlyOperation
    ContentOptimizedLength optimizeLength(@Valid @RequestBody ContentOptimizeLengthRequest request) {
        int limit = request.limit() != null ? request.limit()
                : request.channel() != null ? PlatformLimits.of(request.channel()).maxChars() : 0;
        if (limit <= 0) {
            throw new InvalidInputException("limit", "give a limit, or a channel that has one");
        }
        String fitted = LengthFitter.fit(request.text().strip(), limit);
        return new ContentOptimizedLength(fitted, fitted.codePointCount(0, fitted.length()), limit,
                !fitted.equals(request.text().strip()));
    }

    @Operation(summary = "The best format for each content pillar: the campaign's current strategy's pillars, or the "
            + "pillars given")
    @GetMapping("/recommendations")
    List<FormatRecommendations.Recommendation> recommendations(@RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) List<@Size(max = 200) String> pillar) {
        List<String> pillars = pillar != null && !pillar.isEmpty() ? pillar : pillarsOf(campaignId);
        return FormatRecommendations.forPillars(pillars);
    }

    record ContentRepurposedStatusChange(@Schema(example = "APPROVED") @NotNull RepurposedStatus status) {
    }

    @Operation(summary = "Move a repurposed piece: draft → approved → scheduled → published, approved back to draft "
            + "(contributors); 409 illegal-transition with the moves allowed")
    @PatchMapping("/repurposed/{itemId}/status")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    RepurposedItemView status(@PathVariable UUID itemId, @Valid @RequestBody ContentRepurposedStatusChange change) {
        return repurposing.move(itemId, change.status());
    }

    record ContentSaveAsCreative(@Schema(description = "The campaign; the text's own when left out", nullable = true)
            UUID campaignId) {
    }

    @Operation(summary = "Save a repurposed piece as a creative of a campaign (contributors)")
    @ApiResponse(responseCode = "201", description = "The creative made from the item",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreativeView.class)))
    @PostMapping("/repurposed/{itemId}/creative")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CreativeView> saveAsCreative(@PathVariable UUID itemId,
            @Valid @RequestBody(required = false) ContentSaveAsCreative request) {
        CreativeView creative = repurposing.saveAsCreative(itemId, request == null ? null : request.campaignId());
        return ResponseEntity.created(URI.create("/api/v1/content/creatives/" + creative.id())).body(creative);
    }

    private List<String> pillarsOf(UUID campaignId) {
        if (campaignId == null) {
            throw new InvalidInputException("pillar", "give pillars, or a campaign whose strategy has some");
        }
        campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        var version = strategies.currentVersion(campaignId);
        List<String> pillars = version.isPresent() ? strategies.brief(campaignId, version.getAsInt())
                .map(b -> b.contentPillars()).orElse(List.of()) : List.of();
        if (pillars.isEmpty()) {
            throw new InvalidInputException("campaignId", "the campaign's strategy names no content pillars yet");
        }
        return pillars;
    }
}
