package io.flightdeck.content.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.content.ComponentKind;
import io.flightdeck.content.creatives.CreativeStatus;
import io.flightdeck.content.creatives.ChannelPreview;
import io.flightdeck.content.creatives.ComponentVersionView;
import io.flightdeck.content.creatives.CreativeEditor;
import io.flightdeck.content.creatives.CreativePostPreviews;
import io.flightdeck.content.creatives.CreativeRegeneration;
import io.flightdeck.content.creatives.CreativeView;
import io.flightdeck.content.creatives.Creatives;
import io.flightdeck.content.web.ContentCreativeRequests.ContentComponentWrite;
import io.flightdeck.content.web.ContentCreativeRequests.ContentCreativeRequest;
import io.flightdeck.content.web.ContentCreativeRequests.ContentCreativeUpdate;
import io.flightdeck.content.web.ContentCreativeRequests.ContentRegenerateRequest;
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

/** Creatives (seed 000) under {@code /api/v1/content/creatives}: parts, versions, regeneration, review. */
@RestController
@RequestMapping("/api/v1/content/creatives")
@Tag(name = "Creatives")
class CreativesApiController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final Creatives creatives;
    private final CreativeEditor editor;
    private final CreativeRegeneration regeneration;
    private final CreativePostPreviews postPreviews;
    private final IdempotencyKeys idempotencyKeys;

    CreativesApiController(Creatives creatives, CreativeEditor editor, CreativeRegeneration regeneration,
            CreativePostPreviews postPreviews, IdempotencyKeys idempotencyKeys) {
        this.creatives = creatives;
        this.editor = editor;
        this.regeneration = regeneration;
        this.postPreviews = postPreviews;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Operation(summary = "Create a creative (contributors): mode AI generates every text part its channels need "
            + "(texts given are kept as a person's), MANUAL keeps only the texts given; the campaign must exist in this "
            + "workspace (404 otherwise); honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The creative created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreativeView.class)))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> create(@Valid @RequestBody ContentCreativeRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            CreativeView created = creatives.create(request.toDraft());
            return ResponseEntity.created(URI.create("/api/v1/content/creatives/" + created.id()))
                    .eTag(ETags.of(created.version())).body(created);
        });
    }

    @Operation(summary = "Creatives, newest first, paged: a campaign's (with deleted=true its trash), or the "
            + "workspace's filtered by status")
    @GetMapping
    PageResponse<CreativeView> list(@RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) CreativeStatus status, @RequestParam(defaultValue = "false") boolean deleted,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var paging = Paging.of(page, size, NEWEST_FIRST);
        return PageResponse.of(campaignId != null ? creatives.forCampaign(campaignId, deleted, paging)
                : creatives.list(status, paging), c -> c);
    }

    @Operation(summary = "One creative with its parts; its ETag is what If-Match takes")
    @GetMapping("/{id}")
    ResponseEntity<CreativeView> get(@PathVariable UUID id) {
        return withETag(creatives.get(id));
    }

    @Operation(summary = "The creative as each of its networks will post it: exactly the text sent, the media, the "
            + "length as the network counts it (X: weighted, every link 23) against its limit; with the brand check's "
            + "findings")
    @GetMapping("/{id}/preview")
    List<ChannelPreview> preview(@PathVariable UUID id) {
        return postPreviews.of(creatives.get(id));
    }

    @Operation(summary = "Replace title, topic and channels (contributors); honours If-Match")
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CreativeView> update(@PathVariable UUID id, @Valid @RequestBody ContentCreativeUpdate request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(creatives.update(id, request.title(), request.topic(), request.channels(),
                ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Move a creative to the trash (contributors); restore brings it back")
    @ApiResponse(responseCode = "204", description = "Moved to the trash")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        creatives.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Restore a creative from the trash (contributors)")
    @PostMapping("/{id}/restore")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CreativeView> restore(@PathVariable UUID id) {
        return withETag(creatives.restore(id));
    }

    @Operation(summary = "Write one part (contributors): text for caption, hashtags, headline, cta, script; assetId "
            + "for image and video. A new version; a person's text is never overwritten by a regeneration; honours If-Match")
    @PutMapping("/{id}/components/{kind}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CreativeView> write(@PathVariable UUID id, @PathVariable String kind,
            @Valid @RequestBody ContentComponentWrite request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(editor.write(id, ComponentKind.fromSlug(kind), request.text(), request.assetId(),
                ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Regenerate one part with a chosen provider and model (contributors); the other parts stay. "
            + "It replaces a generated text; a person's text stays and the new version waits to be promoted "
            + "(replaced: false); 409 component-locked")
    @PostMapping("/{id}/components/{kind}/regenerate")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    CreativeRegeneration.Regenerated regenerate(@PathVariable UUID id, @PathVariable String kind,
            @Valid @RequestBody(required = false) ContentRegenerateRequest request) {
        ContentRegenerateRequest r = request != null ? request : new ContentRegenerateRequest(null, null, null);
        return regeneration.regenerate(id, ComponentKind.fromSlug(kind), r.provider(), r.model(), r.seed());
    }

    @Operation(summary = "A part's versions, newest first, with who or which model wrote each")
    @GetMapping("/{id}/components/{kind}/versions")
    List<ComponentVersionView> versions(@PathVariable UUID id, @PathVariable String kind) {
        return creatives.history(id, ComponentKind.fromSlug(kind));
    }

    @Operation(summary = "Show an earlier or a candidate version again (contributors); honours If-Match")
    @PostMapping("/{id}/components/{kind}/versions/{number}/promote")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CreativeView> promote(@PathVariable UUID id, @PathVariable String kind, @PathVariable int number,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(editor.promote(id, ComponentKind.fromSlug(kind), number, ETags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Lock a part against regeneration and refresh (contributors)")
    @PostMapping("/{id}/components/{kind}/lock")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CreativeView> lock(@PathVariable UUID id, @PathVariable String kind) {
        return withETag(editor.lock(id, ComponentKind.fromSlug(kind), true));
    }

    @Operation(summary = "Unlock a part (contributors)")
    @DeleteMapping("/{id}/components/{kind}/lock")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CreativeView> unlock(@PathVariable UUID id, @PathVariable String kind) {
        return withETag(editor.lock(id, ComponentKind.fromSlug(kind), false));
    }

    @Operation(summary = "Catch a stale creative up with the current strategy (contributors): regenerates only its "
            + "stale parts that are neither locked nor a person's; 409 creative-not-stale")
    @PostMapping("/{id}/refresh")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CreativeView> refresh(@PathVariable UUID id,
            @Valid @RequestBody(required = false) ContentRegenerateRequest request) {
        return withETag(regeneration.refresh(id, request == null ? null : request.provider(),
                request == null ? null : request.model()));
    }

    @Operation(summary = "Send a creative for review in the campaign's content scope (contributors)")
    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<CreativeView> submit(@PathVariable UUID id) {
        return withETag(creatives.submit(id));
    }

    private static ResponseEntity<CreativeView> withETag(CreativeView creative) {
        return ResponseEntity.ok().eTag(ETags.of(creative.version())).body(creative);
    }
}
