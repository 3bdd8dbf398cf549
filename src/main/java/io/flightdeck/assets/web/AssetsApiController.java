package io.flightdeck.assets.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.ImportSource;
import io.flightdeck.assets.domain.AssetFilter;
import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetPlacement;
import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.assets.domain.AssetUseView;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.assets.domain.NearDuplicates;
import io.flightdeck.assets.domain.SimilarAsset;
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

/**
 * Campaign assets (seed 004) under {@code /api/v1/campaign-assets}: copy, the library and a space's list, read,
 * update, archive, restore, hard delete, reuse, the use history and look-alikes. Uploads are
 * {@link AssetUploadsApiController}, the stored file {@link AssetFilesApiController}. The workspace is always the
 * caller's.
 */
@RestController
@RequestMapping("/api/v1/campaign-assets")
@Tag(name = "Campaign assets")
class AssetsApiController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final AssetLibrary library;
    private final AssetLookup lookup;
    private final NearDuplicates nearDuplicates;
    private final AssetSettingsService settings;
    private final IdempotencyKeys idempotencyKeys;

    AssetsApiController(AssetLibrary library, AssetLookup lookup, NearDuplicates nearDuplicates,
            AssetSettingsService settings, IdempotencyKeys idempotencyKeys) {
        this.library = library;
        this.lookup = lookup;
        this.nearDuplicates = nearDuplicates;
        this.settings = settings;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Operation(summary = "Create copy (ad copy, a headline, a description or a call to action) in the library, a "
            + "campaign or a space (contributors); honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The asset created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssetView.class)))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> createCopy(@Valid @RequestBody AssetRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            AssetPlacement placement = library.placement(request.campaignId(), request.spaceId());
            AssetView created = library.createCopy(request.toDetails(), placement, ImportSource.MANUAL_UPLOAD);
            return ResponseEntity.created(URI.create("/api/v1/campaign-assets/" + created.id()))
                    .eTag(ETags.of(created.version())).body(created);
        });
    }

    @Operation(summary = "The workspace's assets: archived or live, type (repeatable), all of the tags (repeatable), "
            + "file name (case-insensitive), used in a campaign or space, rights ending by a day, only those with "
            + "near-duplicates; sorted newest first, by name, by best click-through rate across every use, or most reused; paged")
    @GetMapping("/assets")
    PageResponse<AssetView> list(@RequestParam(required = false) Boolean archived,
            @RequestParam(required = false) Set<AssetType> type, @RequestParam(required = false) Set<String> tag,
            @RequestParam(required = false) @Size(max = 200) String name, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) UUID spaceId, @RequestParam(required = false) LocalDate rightsExpireBy,
            @RequestParam(defaultValue = "false") boolean nearDuplicates,
            @RequestParam(defaultValue = "NEWEST") AssetOrder sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        AssetFilter filter = new AssetFilter(archived, type, tag, name, campaignId, spaceId, rightsExpireBy);
        if (nearDuplicates) {
            filter = filter.withNearDuplicates(settings.current().similarityThreshold());
        }
        return PageResponse.of(lookup.list(filter, Paging.of(page, size, sort.sort())), a -> a);
    }

    @Operation(summary = "Live assets whose usage rights end within the given days (default 30), expired ones "
            + "included, soonest first, paged")
    @GetMapping("/expiring")
    PageResponse<AssetView> expiring(@RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Sort soonest = Sort.by(Sort.Order.asc("rightsExpireOn"), Sort.Order.asc("id"));
        return PageResponse.of(lookup.expiring(days, Paging.of(page, size, soonest)), a -> a);
    }

    @Operation(summary = "The assets in one campaign space (uploaded there or reused into it), newest first, paged")
    @GetMapping("/campaign-spaces/{spaceId}/assets")
    PageResponse<AssetView> listInSpace(@PathVariable UUID spaceId, @RequestParam(required = false) Boolean archived,
            @RequestParam(required = false) Set<AssetType> type, @RequestParam(required = false) Set<String> tag,
            @RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        library.requireSpace(spaceId);
        AssetFilter filter = new AssetFilter(archived, type, tag, name, null, spaceId, null);
        return PageResponse.of(lookup.list(filter, Paging.of(page, size, NEWEST_FIRST)), a -> a);
    }

    @Operation(summary = "One asset, archived ones too; its ETag is what If-Match takes on writes")
    @GetMapping("/{id}")
    ResponseEntity<AssetView> get(@PathVariable UUID id) {
        return withETag(lookup.get(id));
    }

    @Operation(summary = "Replace an asset's details and rights (contributors); a file stays a file type and copy stays "
            + "copy (409 asset-type-mismatch); 409 asset-archived while archived; honours If-Match")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<AssetView> update(@PathVariable UUID id, @Valid @RequestBody AssetRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(library.update(id, request.toDetails(), ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Archive an asset (contributors; restore brings it back), or with permanent=true delete it for "
            + "good (managers): its file goes only when no other asset shows the same bytes")
    @ApiResponse(responseCode = "204", description = "Moved to the trash, or deleted for good")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR') and (!#permanent or hasRole('MANAGER'))")
    ResponseEntity<Void> delete(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean permanent) {
        if (permanent) {
            library.deletePermanently(id);
        } else {
            library.archive(id);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Restore an archived asset (contributors); it counts in its spaces again")
    @PostMapping("/{id}/restore")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<AssetView> restore(@PathVariable UUID id) {
        return withETag(library.restore(id));
    }

    /** Where an asset is reused. */
    record AssetReuseRequest(
            @Schema(description = "The campaign (the space's, when a space is named)", example = "01a20264-4f1b-71fb-8235-0871f90ae024") UUID campaignId,
            @Schema(example = "01a20264-4f1b-71fb-8235-0871f90ae023") UUID spaceId,
            @Schema(description = "Where and how it is used", example = "Hero banner of the autumn landing page") @Size(max = 1000) String context) {
    }

    @Operation(summary = "Reuse an asset in another campaign or space (contributors): recorded in its use history with "
            + "who, when and the context; 409 asset-already-used-there when it is already there")
    @ApiResponse(responseCode = "201", description = "The asset reused: the new use",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssetUseView.class)))
    @PostMapping("/{id}/reuse")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<AssetUseView> reuse(@PathVariable UUID id, @Valid @RequestBody AssetReuseRequest request) {
        AssetPlacement placement = library.placement(request.campaignId(), request.spaceId());
        AssetUseView use = library.reuse(id, placement, request.context() == null || request.context().isBlank()
                ? null : request.context().strip());
        return ResponseEntity.status(201).body(use);
    }

    @Operation(summary = "An asset's uses: where it was first added and every reuse, oldest first, each with its performance")
    @GetMapping("/{id}/uses")
    PageResponse<AssetUseView> uses(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(lookup.uses(id, Paging.of(page, size, Sort.by("usedAt", "id"))), u -> u);
    }

    @Operation(summary = "Live assets that look like this one (near-duplicates by perceptual hash within the workspace's "
            + "threshold, not dismissed), closest first; empty until the image has been measured")
    @GetMapping("/{id}/similar")
    List<SimilarAsset> similar(@PathVariable UUID id) {
        return nearDuplicates.similarTo(id);
    }

    @Operation(summary = "Mark two similar assets as not duplicates (contributors): they are never shown as similar "
            + "again, whatever the threshold; 409 already-dismissed; 404 when they were never similar")
    @ApiResponse(responseCode = "204", description = "Dismissed")
    @PostMapping("/{id}/similar/{otherId}/dismiss")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<Void> dismissSimilar(@PathVariable UUID id, @PathVariable UUID otherId) {
        nearDuplicates.dismiss(id, otherId);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<AssetView> withETag(AssetView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
