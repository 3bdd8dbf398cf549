package io.flightdeck.strategy.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.strategy.domain.Completeness;
import io.flightdeck.strategy.domain.FieldChange;
import io.flightdeck.strategy.domain.Strategies;
import io.flightdeck.strategy.domain.StrategyView;
import io.flightdeck.shared.web.ReadOnlyOperation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/{id}/strategies")
@Tag(name = "Strategies", description = "A campaign's versioned strategy: every save is a new version")
class StrategiesApiController {

    private final Strategies strategies;
    private final IdempotencyKeys idempotencyKeys;

    StrategiesApiController(Strategies strategies, IdempotencyKeys idempotencyKeys) {
        this.strategies = strategies;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** What an Idempotency-Key is checked against: the same body for another campaign is another request. */
    private record Keyed(UUID campaignId, StrategyRequest request) {
    }

    @Operation(summary = "Save the strategy as a new version (contributors and up); the previous current version is "
            + "superseded. Honours Idempotency-Key; basedOnVersion guards against overwriting a newer version (409)")
    @ApiResponse(responseCode = "201", description = "The new strategy version",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StrategyView.class)))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> create(@PathVariable UUID id, @Valid @RequestBody StrategyRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, new Keyed(id, request), () -> {
            StrategyView created = strategies.save(id, request.toDetails(), request.basedOnVersion());
            return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/strategies/" + created.version()))
                    .body(created);
        });
    }

    @Operation(summary = "Every version of the strategy, newest first, paged")
    @GetMapping
    PageResponse<StrategyView> list(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(strategies.list(id, Paging.of(page, size, Sort.unsorted())), v -> v);
    }

    @Operation(summary = "The current version; 404 when there is none (never saved, or invalidated)")
    @GetMapping("/current")
    StrategyView current(@PathVariable UUID id) {
        return strategies.current(id);
    }

    @Operation(summary = "One version, whatever its status")
    @GetMapping("/{version:\\d+}")
    StrategyView get(@PathVariable UUID id, @PathVariable int version) {
        return strategies.get(id, version);
    }

    record InvalidateRequest(@Schema(example = "The launch date moved to Q3") @Size(max = 500) String reason) {
    }

    @Operation(summary = "Withdraw the current version with a reason (contributors and up); 400 without a reason, "
            + "409 when the version is already superseded or invalidated")
    @PostMapping("/{version:\\d+}/invalidate")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    StrategyView invalidate(@PathVariable UUID id, @PathVariable int version,
            @Valid @RequestBody(required = false) InvalidateRequest request) {
        return strategies.invalidate(id, version, request == null ? null : request.reason());
    }

    @Operation(summary = "Which required fields a version still lacks, each with why it matters, and a 0-100 score; "
            + "the ads configuration is required when the campaign has a budget")
    @ReadOnlyOperation
    @PostMapping("/{version:\\d+}/check-completeness")
    Completeness checkCompleteness(@PathVariable UUID id, @PathVariable int version) {
        return strategies.completeness(id, version);
    }

    @Operation(summary = "The fields that differ between two versions; lists say which items were added and removed")
    @GetMapping("/diff")
    List<FieldChange> diff(@PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
        return strategies.diff(id, from, to);
    }
}
