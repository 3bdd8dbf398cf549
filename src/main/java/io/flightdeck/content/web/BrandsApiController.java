package io.flightdeck.content.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.content.brands.BrandView;
import io.flightdeck.content.brands.Brands;
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

/** Brands under {@code /api/v1/content/brands}, and the brand a campaign writes in. Managers keep brands. */
@RestController
@RequestMapping("/api/v1/content")
@Tag(name = "Brands")
class BrandsApiController {

    private final Brands brands;
    private final IdempotencyKeys idempotencyKeys;

    BrandsApiController(Brands brands, IdempotencyKeys idempotencyKeys) {
        this.brands = brands;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Operation(summary = "The workspace's brands, by name; archived=true for the archived ones")
    @GetMapping("/brands")
    List<BrandView> list(@RequestParam(defaultValue = "false") boolean archived) {
        return brands.list(archived);
    }

    @Operation(summary = "Create a brand (managers); the first one becomes the default; honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The brand created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BrandView.class)))
    @PostMapping("/brands")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<?> create(@Valid @RequestBody ContentBrandRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            BrandView created = brands.create(request.toDetails());
            return ResponseEntity.created(URI.create("/api/v1/content/brands/" + created.id()))
                    .eTag(ETags.of(created.version())).body(created);
        });
    }

    @Operation(summary = "One brand, archived ones too")
    @GetMapping("/brands/{id}")
    ResponseEntity<BrandView> get(@PathVariable UUID id) {
        return withETag(brands.get(id));
    }

    @Operation(summary = "Replace a brand's details (managers); 409 brand-archived while archived; honours If-Match")
    @PutMapping("/brands/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<BrandView> update(@PathVariable UUID id, @Valid @RequestBody ContentBrandRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(brands.update(id, request.toDetails(), ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Make this brand the default for campaigns that picked none (managers)")
    @PostMapping("/brands/{id}/default")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<BrandView> makeDefault(@PathVariable UUID id) {
        return withETag(brands.makeDefault(id));
    }

    @Operation(summary = "Archive a brand (managers); campaigns that picked it keep it; restore brings it back")
    @ApiResponse(responseCode = "204", description = "Archived")
    @DeleteMapping("/brands/{id}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        brands.archive(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Restore an archived brand (managers)")
    @PostMapping("/brands/{id}/restore")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<BrandView> restore(@PathVariable UUID id) {
        return withETag(brands.restore(id));
    }

    @Operation(summary = "The brand a campaign writes in: the one it picked, else the default; 204 when the "
            + "workspace has no brand")
    @ApiResponse(responseCode = "200", description = "The campaign's brand",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BrandView.class)))
    @ApiResponse(responseCode = "204", description = "The workspace has no brand", content = @Content)
    @GetMapping("/campaigns/{campaignId}/brand")
    ResponseEntity<BrandView> campaignBrand(@PathVariable UUID campaignId) {
        return brands.forCampaign(campaignId).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    record ContentBrandChoice(@Schema(example = "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b") @NotNull UUID brandId) {
    }

    @Operation(summary = "Pick the brand a campaign writes in (contributors); 400 for an archived or unknown brand")
    @PutMapping("/campaigns/{campaignId}/brand")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    BrandView chooseBrand(@PathVariable UUID campaignId, @Valid @RequestBody ContentBrandChoice choice) {
        return brands.choose(campaignId, choice.brandId());
    }

    private static ResponseEntity<BrandView> withETag(BrandView brand) {
        return ResponseEntity.ok().eTag(ETags.of(brand.version())).body(brand);
    }
}
