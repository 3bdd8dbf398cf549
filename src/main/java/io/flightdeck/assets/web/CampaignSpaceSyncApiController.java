package io.flightdeck.assets.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.assets.imports.AssetImportView;
import io.flightdeck.assets.imports.PlatformSyncs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/campaign-spaces/{id}/sync}: a space's numbers read from its ad platform, as a job. */
@RestController
@RequestMapping("/api/v1/campaign-spaces")
@Tag(name = "Campaign spaces")
class CampaignSpaceSyncApiController {

    /**
     * Which connection and days; all optional: the platform's oldest connection, and the campaign's days (its start,
     * or the space's creation, to its end or today, whichever is earlier).
     */
    record SyncRequest(@Schema(example = "01a20264-4f1b-71fb-8235-0871f90ae023") @Nullable UUID connectionId,
            @Schema(example = "2026-10-01") @Nullable LocalDate from,
            @Schema(example = "2026-10-31") @Nullable LocalDate to) {
    }

    private final PlatformSyncs syncs;

    CampaignSpaceSyncApiController(PlatformSyncs syncs) {
        this.syncs = syncs;
    }

    @Operation(summary = "Start importing the space's ads and their daily numbers from Google Ads or Meta "
            + "(contributors): answers 202 with the import, running; follow it at /api/v1/campaign-assets/imports/{id} "
            + "until it has succeeded, or failed with the reason (the platform's refusal, an ad account in another "
            + "currency than the space's budget, a Meta campaign of another ad account). 409 sync-running while a "
            + "sync of the space runs")
    @ApiResponse(responseCode = "202", description = "The import, running",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssetImportView.class)))
    @PostMapping("/{id}/sync")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<AssetImportView> sync(@PathVariable UUID id,
            @RequestBody(required = false) @Nullable SyncRequest request) {
        SyncRequest r = request != null ? request : new SyncRequest(null, null, null);
        AssetImportView started = syncs.start(id, r.connectionId(), r.from(), r.to());
        return ResponseEntity.accepted().location(URI.create("/api/v1/campaign-assets/imports/" + started.id()))
                .body(started);
    }
}
