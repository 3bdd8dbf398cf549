package io.flightdeck.campaigns.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.domain.CampaignTransition;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.domain.Readiness;
import io.flightdeck.campaigns.domain.ActivityView;
import io.flightdeck.campaigns.domain.CampaignFilter;
import io.flightdeck.campaigns.domain.CampaignLifecycle;
import io.flightdeck.campaigns.domain.CampaignReadiness;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
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

@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns")
class CampaignsApiController {

    private final Campaigns campaigns;
    private final CampaignLifecycle lifecycle;
    private final CampaignReadiness scores;
    private final IdempotencyKeys idempotencyKeys;

    CampaignsApiController(Campaigns campaigns, CampaignLifecycle lifecycle, CampaignReadiness scores,
            IdempotencyKeys idempotencyKeys) {
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.scores = scores;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Operation(summary = "Create a campaign (managers); honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The campaign created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignView.class)))
    @PostMapping
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<?> create(@Valid @RequestBody CampaignRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            CampaignView created = campaigns.create(request.toDetails());
            return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id()))
                    .eTag(ETags.of(created.version())).body(created);
        });
    }

    @Operation(summary = "Campaigns, filtered, searched, sorted and paged")
    @GetMapping
    PageResponse<CampaignView> list(@RequestParam(required = false) Set<CampaignStatus> status,
            @RequestParam(required = false) CampaignType type, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) CampaignPriority priority, @RequestParam(required = false) String tag,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(defaultValue = "updatedAt,desc") String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        CampaignFilter filter = new CampaignFilter(status, type, ownerId, priority, tag, channel, from, to, q);
        return PageResponse.of(campaigns.list(filter, Paging.of(page, size, CampaignSorts.parse(sort))), c -> c);
    }

    @Operation(summary = "One campaign; its ETag is what If-Match takes on update and transitions")
    @GetMapping("/{id}")
    ResponseEntity<CampaignView> get(@PathVariable UUID id) {
        CampaignView view = campaigns.get(id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Replace a campaign's details (managers); honours If-Match")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> update(@PathVariable UUID id, @Valid @RequestBody CampaignRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignView view = campaigns.update(id, request.toDetails(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Move a campaign to the trash (managers); restore brings it back")
    @ApiResponse(responseCode = "204", description = "Moved to the trash")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        campaigns.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Restore a campaign from the trash (managers)")
    @PostMapping("/{id}/restore")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> restore(@PathVariable UUID id) {
        CampaignView view = campaigns.restore(id);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    /** The optional body of a lifecycle move; only launch reads it. */
    record CampaignTransitionRequest(@Schema(description = "Launch below the readiness threshold (managers); never past a blocker",
            example = "false") Boolean force,
            @Schema(description = "Why, when forcing", example = "The partner newsletter goes out tomorrow") @Size(max = 500) String reason,
            @Schema(description = "Launch despite the warnings a 409 launch-needs-confirmation listed (before the start "
                    + "date, plan ending after the end date)", example = "true") Boolean confirm,
            @Schema(description = "Launch a draft or a campaign in planning in one call: start planning and mark it "
                    + "ready on the way, each move checked and recorded, all or nothing; with force, a manager "
                    + "launches it below the threshold when the score is the only obstacle",
                    example = "true") Boolean throughPlanning) {
    }

    /** The optional body of scheduling a launch. */
    record CampaignLaunchScheduleRequest(@Schema(description = "Schedule despite the warnings a 409 "
            + "launch-needs-confirmation listed (the plan ends after the end date)", example = "true") Boolean confirm) {
    }

    @Operation(summary = "Schedule a ready campaign's launch for its start date (managers); a durable job checks the "
            + "gate again then, and records in the activity why when it does not launch; honours If-Match")
    @PostMapping("/{id}/launch-schedule")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> scheduleLaunch(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CampaignLaunchScheduleRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignView view = lifecycle.scheduleLaunch(id, request != null && Boolean.TRUE.equals(request.confirm()), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Cancel a campaign's scheduled launch (managers); it stays ready; honours If-Match")
    @DeleteMapping("/{id}/launch-schedule")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> cancelScheduledLaunch(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        CampaignView view = lifecycle.cancelScheduledLaunch(id, ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    // One operation per lifecycle move, so each has its own entry in the API document. Every move takes If-Match,
    // answers 409 illegal-transition with the allowed moves when the status does not allow it, and returns the campaign.

    @Operation(operationId = "planCampaign", summary = "Start planning a draft campaign (managers)")
    @PostMapping("/{id}/plan")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> plan(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CampaignTransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return move(id, CampaignTransition.PLAN, request, ifMatch);
    }

    @Operation(operationId = "markCampaignReady", summary = "Mark a campaign in planning ready (managers); the same "
            + "gate as an unforced launch: 409 launch-blocked listing the blockers while one is open, 409 "
            + "readiness-below-threshold listing the missing items below the threshold")
    @PostMapping("/{id}/mark-ready")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> markReady(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CampaignTransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return move(id, CampaignTransition.MARK_READY, request, ifMatch);
    }

    @Operation(operationId = "launchCampaign", summary = "Launch a ready campaign (managers), or with throughPlanning "
            + "a draft or a campaign in planning, moving it through planning and ready on the way; refused below the "
            + "readiness threshold unless forced with a reason, always while a blocking item is open, and with 409 "
            + "launch-needs-confirmation listing the warnings before the start date or while the plan ends after the "
            + "end date, unless confirm is true")
    @PostMapping("/{id}/launch")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> launch(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CampaignTransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (request != null && Boolean.TRUE.equals(request.throughPlanning())) {
            CampaignView view = lifecycle.launchThrough(id, Boolean.TRUE.equals(request.confirm()),
                    Boolean.TRUE.equals(request.force()), request.reason(), ETags.expectedVersion(ifMatch));
            return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
        }
        return move(id, CampaignTransition.LAUNCH, request, ifMatch);
    }

    @Operation(operationId = "pauseCampaign", summary = "Pause an active campaign (managers)")
    @PostMapping("/{id}/pause")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> pause(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CampaignTransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return move(id, CampaignTransition.PAUSE, request, ifMatch);
    }

    @Operation(operationId = "resumeCampaign", summary = "Resume a paused campaign (managers)")
    @PostMapping("/{id}/resume")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> resume(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CampaignTransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return move(id, CampaignTransition.RESUME, request, ifMatch);
    }

    @Operation(operationId = "completeCampaign", summary = "Complete an active or paused campaign (managers)")
    @PostMapping("/{id}/complete")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> complete(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CampaignTransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return move(id, CampaignTransition.COMPLETE, request, ifMatch);
    }

    @Operation(operationId = "archiveCampaign", summary = "Archive a completed or cancelled campaign (managers)")
    @PostMapping("/{id}/archive")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> archive(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CampaignTransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return move(id, CampaignTransition.ARCHIVE, request, ifMatch);
    }

    @Operation(operationId = "cancelCampaign", summary = "Cancel a campaign that has not completed (managers)")
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<CampaignView> cancel(@PathVariable UUID id,
            @Valid @RequestBody(required = false) CampaignTransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return move(id, CampaignTransition.CANCEL, request, ifMatch);
    }

    private ResponseEntity<CampaignView> move(UUID id, CampaignTransition transition, CampaignTransitionRequest request,
            String ifMatch) {
        CampaignView view = lifecycle.transition(id, transition, request != null && Boolean.TRUE.equals(request.force()),
                request == null ? null : request.reason(), request != null && Boolean.TRUE.equals(request.confirm()),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    record CampaignStatusResponse(UUID id, CampaignStatus status, List<String> allowedTransitions, int readinessScore,
            int readinessThreshold) {
    }

    @Operation(summary = "A campaign's status, the moves allowed from it, and its readiness score")
    @GetMapping("/{id}/status")
    CampaignStatusResponse status(@PathVariable UUID id) {
        CampaignView view = campaigns.get(id);
        Readiness readiness = scores.readiness(id);
        return new CampaignStatusResponse(id, view.status(), view.allowedTransitions(), readiness.score(), readiness.threshold());
    }

    @Operation(summary = "The readiness checklist: each item with why it matters and where to fix it")
    @GetMapping("/{id}/readiness")
    Readiness readiness(@PathVariable UUID id) {
        return scores.readiness(id);
    }

    @Operation(summary = "The campaign's activity feed, newest first, paged")
    @GetMapping("/{id}/activity")
    PageResponse<ActivityView> activity(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(campaigns.activity(id, Paging.of(page, size, org.springframework.data.domain.Sort.unsorted())), a -> a);
    }
}
