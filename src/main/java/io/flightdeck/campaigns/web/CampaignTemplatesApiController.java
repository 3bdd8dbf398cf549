package io.flightdeck.campaigns.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.campaigns.templates.CampaignStarter;
import io.flightdeck.campaigns.templates.CampaignTemplateView;
import io.flightdeck.campaigns.templates.CampaignTemplates;
import io.flightdeck.campaigns.templates.NewCampaignFromTemplate;
import io.flightdeck.campaigns.templates.StartedCampaign;
import io.flightdeck.campaigns.templates.TemplateCategory;
import io.flightdeck.campaigns.templates.TemplateLabel;
import io.flightdeck.campaigns.templates.TemplatePreview;
import io.flightdeck.campaigns.templates.TemplateVisibility;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The campaign templates library (seed 003's template routes) and cloning a campaign. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Campaign templates")
@Validated
class CampaignTemplatesApiController {

    private final CampaignTemplates templates;
    private final CampaignStarter starter;
    private final IdempotencyKeys idempotencyKeys;

    CampaignTemplatesApiController(CampaignTemplates templates, CampaignStarter starter,
            IdempotencyKeys idempotencyKeys) {
        this.templates = templates;
        this.starter = starter;
        this.idempotencyKeys = idempotencyKeys;
    }

    record PartBody(TemplatePart part, String label, String hint) {
    }

    record TemplateBody(@Schema(description = "The campaign to make the template of") @NotNull UUID campaignId,
            @NotNull @Size(max = 160) String name, @Nullable @Size(max = 2000) String description,
            @Schema(description = "Defaults to General") @Nullable @Size(max = 60) String category,
            @Schema(description = "Defaults to WORKSPACE") @Nullable TemplateVisibility visibility,
            @Schema(description = "What the template carries; all parts when left out") @Nullable Set<TemplatePart> parts) {
    }

    record LabelBody(@NotNull @Size(max = 160) String name, @Nullable @Size(max = 2000) String description,
            @Nullable @Size(max = 60) String category, @Nullable TemplateVisibility visibility) {
    }

    record NewCampaignBody(@NotNull @Size(max = 160) String name,
            @Schema(description = "The new campaign's start; every date of the template counts from it") @NotNull LocalDate startDate,
            @Schema(description = "The parts to bring; all the template carries when left out") @Nullable Set<TemplatePart> parts,
            @Schema(description = "Request the configured approvals again at once rather than leave it to people")
            @Nullable Boolean approvalsStartOver,
            @Schema(description = "Copy assets into the new campaign's spaces rather than link the same files")
            @Nullable Boolean copyAssets) {

        NewCampaignFromTemplate toRequest() {
            return new NewCampaignFromTemplate(name, startDate, parts, new TemplateCopy(
                    Boolean.TRUE.equals(approvalsStartOver), Boolean.TRUE.equals(copyAssets)));
        }
    }

    @Operation(summary = "The templates you can see (the workspace's and your private ones), by name")
    @GetMapping("/templates")
    PageResponse<CampaignTemplateView> list(@RequestParam(required = false) @Size(max = 60) String category,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(templates.list(category, q, Paging.of(page, size, Sort.by("name", "id"))), t -> t);
    }

    @Operation(summary = "The library's categories with how many templates you can see in each")
    @GetMapping("/templates/categories")
    List<TemplateCategory> categories() {
        return templates.categories();
    }

    @Operation(summary = "What a template can carry here, in the order a new campaign gets it")
    @GetMapping("/templates/parts")
    List<PartBody> parts() {
        return templates.parts().stream().map(p -> new PartBody(p, p.label(), p.hint())).toList();
    }

    @Operation(summary = "Make a template of a campaign (managers); honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The template made",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignTemplateView.class)))
    @PostMapping("/templates")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<?> create(@Valid @RequestBody TemplateBody body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, body, () -> {
            CampaignTemplateView made = templates.fromCampaign(body.campaignId(),
                    new TemplateLabel(body.name(), body.description(), body.category(), body.visibility()), body.parts());
            return ResponseEntity.created(URI.create("/api/v1/templates/" + made.id())).eTag(ETags.of(made.version()))
                    .body(made);
        });
    }

    @Operation(summary = "One template with what each part carries; its ETag is what If-Match takes")
    @GetMapping("/templates/{id}")
    ResponseEntity<CampaignTemplateView> get(@PathVariable UUID id) {
        CampaignTemplateView view = templates.get(id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Rename, describe, file or share a template (managers); honours If-Match")
    @PatchMapping("/templates/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignTemplateView> update(@PathVariable UUID id, @Valid @RequestBody LabelBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignTemplateView view = templates.update(id, new TemplateLabel(body.name(), body.description(),
                body.category(), body.visibility()), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Move a template to the bin (managers); restore brings it back")
    @ApiResponse(responseCode = "204", description = "Moved to the bin")
    @DeleteMapping("/templates/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        templates.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Bring a template back from the bin (managers)")
    @PostMapping("/templates/{id}/restore")
    @PreAuthorize("hasRole('MANAGER')")
    CampaignTemplateView restore(@PathVariable UUID id) {
        return templates.restore(id);
    }

    @Operation(summary = "What a campaign started from the template on a date would get: its dates and parts")
    @GetMapping("/templates/{id}/preview")
    TemplatePreview preview(@PathVariable UUID id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate) {
        return templates.preview(id, startDate);
    }

    @Operation(summary = "Start a campaign from a template (managers): a draft with the parts chosen, dates from its "
            + "start; honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The campaign started",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CampaignStartedBody.class)))
    @PostMapping("/templates/{id}/campaigns")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<?> use(@PathVariable UUID id, @Valid @RequestBody NewCampaignBody body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, body, () -> created(starter.fromTemplate(id, body.toRequest())));
    }

    @Operation(summary = "Clone a campaign (managers): a new draft with the parts chosen, dates from its start; never "
            + "approvals, sends, published posts or numbers; honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The clone",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CampaignStartedBody.class)))
    @PostMapping("/campaigns/{id}/clone")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<?> cloneCampaign(@PathVariable UUID id, @Valid @RequestBody NewCampaignBody body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, body, () -> created(starter.cloneOf(id, body.toRequest())));
    }

    private static ResponseEntity<CampaignStartedBody> created(StartedCampaign started) {
        CampaignView campaign = started.campaign();
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.id()))
                .eTag(ETags.of(campaign.version())).body(new CampaignStartedBody(campaign, started.notes()));
    }
}
