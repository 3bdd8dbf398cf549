package io.flightdeck.assets.web;

import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.assets.imports.AssetImportView;
import io.flightdeck.assets.imports.PlatformSync;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/campaign-spaces/{id}/sync}: a space's numbers read from its ad platform now. */
@RestController
@RequestMapping("/api/v1/campaign-spaces")
@Tag(name = "Campaign spaces")
class CampaignSpaceSyncApiController {

    /** Which connection and days; all optional (the platform's oldest connection, the last 30 days). */
    record SyncRequest(@Nullable UUID connectionId, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    private final PlatformSync sync;

    CampaignSpaceSyncApiController(PlatformSync sync) {
        this.sync = sync;
    }

    @Operation(summary = "Import the space's ads and their daily numbers from Google Ads or Meta (contributors); "
            + "answers the import, failed with the platform's reason when it refused")
    @PostMapping("/{id}/sync")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    AssetImportView sync(@PathVariable UUID id, @RequestBody(required = false) @Nullable SyncRequest request) {
        SyncRequest r = request != null ? request : new SyncRequest(null, null, null);
        return sync.sync(id, r.connectionId(), r.from(), r.to());
    }
}
