package io.flightdeck.assets.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.CampaignSpaceFilter;
import io.flightdeck.assets.domain.CampaignSpaceStats;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.assets.domain.SpacePerformance;
import io.flightdeck.assets.domain.SpaceTemplates;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Campaign spaces (seed 004) under {@code /api/v1/campaign-spaces}; the workspace is always the caller's. */
@RestController
@RequestMapping("/api/v1/campaign-spaces")
@Tag(name = "Campaign spaces")
class CampaignSpacesApiController {

    private static final Sort NEWEST_CHANGE_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));

    private final CampaignSpaces spaces;
    private final SpaceTemplates spaceTemplates;
    private final IdempotencyKeys idempotencyKeys;

    CampaignSpacesApiController(CampaignSpaces spaces, SpaceTemplates spaceTemplates, IdempotencyKeys idempotencyKeys) {
        this.spaces = spaces;
        this.spaceTemplates = spaceTemplates;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Operation(summary = "Create a campaign space for one ad platform (contributors); the campaign must exist in this "
            + "workspace (404 otherwise); honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The space created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CampaignSpaceView.class)))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> create(@Valid @RequestBody CampaignSpaceRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            CampaignSpaceView created = spaces.create(request.toDetails());
            return ResponseEntity.created(URI.create("/api/v1/campaign-spaces/" + created.id()))
                    .eTag(ETags.of(created.version())).body(created);
        });
    }

    @Operation(summary = "Campaign spaces, filtered by campaign, platform, archived, template, active, tag and "
            + "category and brand, searched by name, newest change first, paged")
    @GetMapping
    PageResponse<CampaignSpaceView> list(@RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) AdPlatform platform, @RequestParam(required = false) Boolean archived,
            @RequestParam(required = false) Boolean template, @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String category,
            @RequestParam(required = false) @Size(max = 200) String search,
            @Parameter(description = "Spaces of this brand (whole name, any case)") @RequestParam(required = false)
            @Size(max = 200) String brand,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        CampaignSpaceFilter filter = new CampaignSpaceFilter(campaignId, platform, archived, template, active, tag, category, search,
                brand);
        return PageResponse.of(spaces.list(filter, Paging.of(page, size, NEWEST_CHANGE_FIRST)), s -> s);
    }

    @Operation(summary = "Template spaces (not archived), newest change first, paged")
    @GetMapping("/templates")
    PageResponse<CampaignSpaceView> templates(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(spaces.list(CampaignSpaceFilter.templates(), Paging.of(page, size, NEWEST_CHANGE_FIRST)), s -> s);
    }

    @Operation(summary = "One campaign space, archived ones too; its ETag is what If-Match takes on writes")
    @GetMapping("/{id}")
    ResponseEntity<CampaignSpaceView> get(@PathVariable UUID id) {
        return withETag(spaces.get(id));
    }

    @Operation(summary = "Replace a campaign space's details (contributors); 409 space-archived while archived; honours If-Match")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CampaignSpaceView> update(@PathVariable UUID id, @Valid @RequestBody CampaignSpaceRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(spaces.update(id, request.toDetails(), ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Archive a campaign space (contributors; restore brings it back), or with permanent=true "
            + "delete it for good (managers)")
    @ApiResponse(responseCode = "204", description = "Moved to the trash, or deleted for good")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR') and (!#permanent or hasRole('MANAGER'))")
    ResponseEntity<Void> delete(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean permanent) {
        if (permanent) {
            spaces.deletePermanently(id);
        } else {
            spaces.archive(id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Restore an archived campaign space (contributors)")
    @PostMapping("/{id}/restore")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CampaignSpaceView> restore(@PathVariable UUID id) {
        return withETag(spaces.restore(id));
    }

    @Operation(summary = "Mark a campaign space as a template (contributors); honours If-Match")
    @PostMapping("/{id}/mark-as-template")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CampaignSpaceView> markAsTemplate(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(spaces.markAsTemplate(id, ETags.expectedVersion(ifMatch)));
    }

    /** A space saved as a template: the library's name, description and category for it, each optional. */
    record SpaceTemplateRequest(String name, String description, String category) {
    }

    @Operation(summary = "Save a campaign space as a template in the templates library (managers): a template carrying "
            + "this space and its assets alone, category Spaces unless named; the space is marked as a template")
    @ApiResponse(responseCode = "201", description = "The template made and the space, marked as a template",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = SpaceTemplates.SavedSpaceTemplate.class)))
    @PostMapping("/{id}/save-as-template")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<SpaceTemplates.SavedSpaceTemplate> saveAsTemplate(@PathVariable UUID id,
            @RequestBody(required = false) SpaceTemplateRequest request) {
        SpaceTemplateRequest r = request == null ? new SpaceTemplateRequest(null, null, null) : request;
        SpaceTemplates.SavedSpaceTemplate saved = spaceTemplates.save(id, r.name(), r.description(), r.category());
        return ResponseEntity.created(URI.create("/api/v1/templates/" + saved.templateId())).body(saved);
    }

    @Operation(summary = "A campaign space's asset count and size, performance totals and the rates derived from them")
    @GetMapping("/{id}/stats")
    CampaignSpaceStats stats(@PathVariable UUID id) {
        return spaces.stats(id);
    }

    /** The totals a platform sync or an import reports; they replace the space's totals. */
    record SpacePerformanceRequest(@Schema(example = "120000") @NotNull @PositiveOrZero Long impressions,
            @Schema(example = "3400") @NotNull @PositiveOrZero Long clicks,
            @Schema(example = "210") @NotNull @PositiveOrZero Long conversions,
            @Schema(description = "In the space's budget currency", example = "2875.40") @NotNull @DecimalMin("0")
            @Digits(integer = 14, fraction = 2) BigDecimal spend,
            @Schema(description = "In the space's budget currency; 0 when absent", example = "9344.05") @DecimalMin("0")
            @Digits(integer = 14, fraction = 2) BigDecimal revenue) {
    }

    @Operation(summary = "Replace a campaign space's performance totals (contributors); clicks may not exceed "
            + "impressions; honours If-Match")
    @PostMapping("/{id}/update-performance")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CampaignSpaceView> updatePerformance(@PathVariable UUID id, @Valid @RequestBody SpacePerformanceRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(spaces.recordPerformance(id, SpacePerformance.of(request.impressions(), request.clicks(),
                request.conversions(), request.spend(), request.revenue()), ETags.expectedVersion(ifMatch)));
    }

    private static ResponseEntity<CampaignSpaceView> withETag(CampaignSpaceView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
