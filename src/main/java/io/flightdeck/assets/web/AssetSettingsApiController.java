package io.flightdeck.assets.web;

import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.assets.domain.AssetSettingsView;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's asset settings: the upload limit and the near-duplicate threshold. */
@RestController
@RequestMapping("/api/v1/asset-settings")
@Tag(name = "Campaign assets")
class AssetSettingsApiController {

    private final AssetSettingsService settings;

    AssetSettingsApiController(AssetSettingsService settings) {
        this.settings = settings;
    }

    @Operation(summary = "The workspace's upload limit and near-duplicate threshold")
    @GetMapping
    ResponseEntity<AssetSettingsView> get() {
        AssetSettingsView view = settings.current();
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    record AssetSettingsRequest(
            @Schema(description = "The largest file accepted, in bytes (1 KiB to 5 GiB)", example = "2147483648") @NotNull Long maxUploadBytes,
            @Schema(description = "Bits of 64 two images' perceptual hashes may differ to count as near-duplicates (0–20)",
                    example = "10") @NotNull Integer similarityThreshold) {
    }

    @Operation(summary = "Change the upload limit and the near-duplicate threshold (admins); honours If-Match")
    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AssetSettingsView> update(@Valid @RequestBody AssetSettingsRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        AssetSettingsView view = settings.change(request.maxUploadBytes(), request.similarityThreshold(),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
