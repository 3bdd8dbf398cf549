package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.BlobStore;
import io.flightdeck.assets.SignedUrlProperties;
import io.flightdeck.assets.domain.AssetFile;
import io.flightdeck.assets.ImportSource;
import io.flightdeck.assets.domain.AssetFilter;
import io.flightdeck.assets.domain.AssetLibrary;
import io.flightdeck.assets.domain.AssetPlacement;
import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.assets.domain.AssetUpload;
import io.flightdeck.assets.domain.AssetUploads;
import io.flightdeck.assets.domain.AssetUseView;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.assets.domain.NearDuplicates;
import io.flightdeck.assets.domain.SimilarAsset;
import io.flightdeck.assets.domain.UploadResult;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ETags;
import io.flightdeck.shared.web.Problems;
import io.flightdeck.shared.web.ReadOnlyOperation;
import org.springframework.core.io.Resource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Campaign assets (seed 004) under {@code /api/v1/campaign-assets}: uploads into a space or the library, copy, the
 * library and a space's list, read, update, archive, restore, hard delete, reuse and the use history. The workspace is
 * always the caller's.
 */
@RestController
@RequestMapping("/api/v1/campaign-assets")
@Tag(name = "Campaign assets")
class AssetsApiController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final AssetLibrary library;
    private final AssetUploads uploads;
    private final NearDuplicates nearDuplicates;
    private final AssetSettingsService settings;
    private final IdempotencyKeys idempotencyKeys;
    private final BlobStore store;
    private final SignedUrlProperties signedUrls;
    private final Clock clock;

    AssetsApiController(AssetLibrary library, AssetUploads uploads, NearDuplicates nearDuplicates,
            AssetSettingsService settings, IdempotencyKeys idempotencyKeys, BlobStore store,
            SignedUrlProperties signedUrls, Clock clock) {
        this.store = store;
        this.signedUrls = signedUrls;
        this.clock = clock;
        this.library = library;
        this.uploads = uploads;
        this.nearDuplicates = nearDuplicates;
        this.settings = settings;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Operation(summary = "Upload a file into a campaign space (contributors). The type, size and SHA-256 are measured "
            + "from the content; bytes the workspace already has return the existing asset (200, duplicate=true, linked "
            + "into this space) unless skipDuplicateCheck; a new asset answers 201; over the workspace's limit 413")
    @PostMapping(path = "/campaign-spaces/{spaceId}/assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<UploadResult> uploadIntoSpace(@PathVariable UUID spaceId, @RequestPart("file") MultipartFile file,
            @RequestParam(name = "name", required = false) @Size(max = 255) String name,
            @RequestParam(name = "type", required = false) AssetType type,
            @RequestParam(name = "title", required = false) @Size(max = 300) String title,
            @RequestParam(name = "description", required = false) @Size(max = 4000) String description,
            @RequestParam(name = "tags", required = false) Set<String> tags,
            @RequestParam(name = "skipDuplicateCheck", defaultValue = "false") boolean skipDuplicateCheck) throws IOException {
        return upload(new AssetUpload(spaceId, null, name, type, title, description, tags, skipDuplicateCheck), file);
    }

    @Operation(summary = "Upload a file into the library (contributors), optionally into a campaign; as the space upload")
    @PostMapping(path = "/assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<UploadResult> uploadIntoLibrary(@RequestPart("file") MultipartFile file,
            @RequestParam(name = "campaignId", required = false) UUID campaignId,
            @RequestParam(name = "spaceId", required = false) UUID spaceId,
            @RequestParam(name = "name", required = false) @Size(max = 255) String name,
            @RequestParam(name = "type", required = false) AssetType type,
            @RequestParam(name = "title", required = false) @Size(max = 300) String title,
            @RequestParam(name = "description", required = false) @Size(max = 4000) String description,
            @RequestParam(name = "tags", required = false) Set<String> tags,
            @RequestParam(name = "skipDuplicateCheck", defaultValue = "false") boolean skipDuplicateCheck) throws IOException {
        return upload(new AssetUpload(spaceId, campaignId, name, type, title, description, tags, skipDuplicateCheck), file);
    }

    @Operation(summary = "Upload a file as the raw request body (contributors): the bytes stream straight into storage in "
            + "one pass, nothing spooled first, and a Content-Length over the workspace's limit is refused (413) before a "
            + "byte is read. The file name is the `name` parameter; the rest as the multipart upload")
    @PostMapping(path = "/assets", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<UploadResult> streamIntoLibrary(HttpServletRequest request,
            @RequestParam(name = "name") @Size(min = 1, max = 255) String name,
            @RequestParam(name = "campaignId", required = false) UUID campaignId,
            @RequestParam(name = "spaceId", required = false) UUID spaceId,
            @RequestParam(name = "type", required = false) AssetType type,
            @RequestParam(name = "title", required = false) @Size(max = 300) String title,
            @RequestParam(name = "description", required = false) @Size(max = 4000) String description,
            @RequestParam(name = "tags", required = false) Set<String> tags,
            @RequestParam(name = "skipDuplicateCheck", defaultValue = "false") boolean skipDuplicateCheck) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared == 0) {
            throw new InvalidInputException("body", "must be the file's bytes, not empty");
        }
        if (declared > 0) {
            uploads.checkDeclaredSize(declared);
        }
        AssetUpload upload = new AssetUpload(spaceId, campaignId, name, type, title, description, tags, skipDuplicateCheck);
        return answer(uploads.upload(upload, name, request.getInputStream()));
    }

    private ResponseEntity<UploadResult> upload(AssetUpload upload, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "must be a non-empty file");
        }
        // the container has spooled the part to disk; refuse it by its size before anything reaches the library
        uploads.checkDeclaredSize(file.getSize());
        try (InputStream content = file.getInputStream()) {
            return answer(uploads.upload(upload, file.getOriginalFilename(), content));
        }
    }

    /** An upload by hash: the client has the file, the workspace may already have its bytes. */
    record AssetByHashRequest(
            @Schema(description = "The file's SHA-256, lower-case hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            @Pattern(regexp = "[0-9a-f]{64}") String sha256,
            @Schema(example = "summer-hero.jpg") @Size(max = 255) String fileName,
            @Schema(example = "01a20264-4f1b-71fb-8235-0871f90ae023") UUID spaceId,
            @Schema(example = "01a20264-4f1b-71fb-8235-0871f90ae024") UUID campaignId,
            @Schema(example = "Summer hero") @Size(max = 255) String name,
            @Schema(example = "IMAGE") AssetType type,
            @Schema(example = "Main summer banner") @Size(max = 300) String title,
            @Schema(example = "[\"summer\"]") @Size(max = 20) Set<@Size(max = 60) String> tags,
            @Schema(example = "false") Boolean skipDuplicateCheck) {
    }

    @Operation(summary = "Register a file by its SHA-256 without sending it (contributors): when the workspace already "
            + "holds those bytes the asset is created or found as by an upload; otherwise 404 content-unknown, and the "
            + "client uploads the file")
    @PostMapping("/by-hash")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> byHash(@Valid @RequestBody AssetByHashRequest request, HttpServletRequest http) {
        if (request.sha256() == null) {
            throw new InvalidInputException("sha256", "must not be null");
        }
        UploadResult result = uploads.uploadKnownContent(new AssetUpload(request.spaceId(), request.campaignId(),
                request.name(), request.type(), request.title(), null, request.tags(),
                Boolean.TRUE.equals(request.skipDuplicateCheck())), request.fileName(), request.sha256());
        if (result == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.NOT_FOUND, "content-unknown", "Content unknown",
                            "This workspace does not have these bytes yet; upload the file.", http.getRequestURI()));
        }
        return answer(result);
    }

    private static ResponseEntity<UploadResult> answer(UploadResult result) {
        ResponseEntity.BodyBuilder answer = result.duplicate() ? ResponseEntity.ok()
                : ResponseEntity.created(URI.create("/api/v1/campaign-assets/" + result.asset().id()));
        return answer.eTag(ETags.of(result.asset().version())).body(result);
    }

    @Operation(summary = "Create copy (ad copy, a headline, a description or a call to action) in the library, a "
            + "campaign or a space (contributors); honours Idempotency-Key")
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
        return PageResponse.of(library.list(filter, Paging.of(page, size, sort.sort())), a -> a);
    }

    @Operation(summary = "Live assets whose usage rights end within the given days (default 30), expired ones "
            + "included, soonest first, paged")
    @GetMapping("/expiring")
    PageResponse<AssetView> expiring(@RequestParam(defaultValue = "30") int days,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Sort soonest = Sort.by(Sort.Order.asc("rightsExpireOn"), Sort.Order.asc("id"));
        return PageResponse.of(library.expiring(days, Paging.of(page, size, soonest)), a -> a);
    }

    @Operation(summary = "The assets in one campaign space (uploaded there or reused into it), newest first, paged")
    @GetMapping("/campaign-spaces/{spaceId}/assets")
    PageResponse<AssetView> listInSpace(@PathVariable UUID spaceId, @RequestParam(required = false) Boolean archived,
            @RequestParam(required = false) Set<AssetType> type, @RequestParam(required = false) Set<String> tag,
            @RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        library.requireSpace(spaceId);
        AssetFilter filter = new AssetFilter(archived, type, tag, name, null, spaceId, null);
        return PageResponse.of(library.list(filter, Paging.of(page, size, NEWEST_FIRST)), a -> a);
    }

    @Operation(summary = "One asset, archived ones too; its ETag is what If-Match takes on writes")
    @GetMapping("/{id}")
    ResponseEntity<AssetView> get(@PathVariable UUID id) {
        return withETag(library.get(id));
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
        return PageResponse.of(library.uses(id, Paging.of(page, size, Sort.by("usedAt", "id"))), u -> u);
    }

    @Operation(summary = "Download an asset's file (any member): streamed with its recorded type and name, one Range "
            + "honoured (206), ETag of its SHA-256; shown inline only for types that cannot run in a browser")
    @GetMapping("/{id}/content")
    ResponseEntity<Resource> content(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download,
            @RequestHeader HttpHeaders headers) throws IOException {
        AssetFile file = library.file(id, null);
        return BlobResponses.stream(store, file.key(), file.downloadName(), file.mimeType(), download, headers);
    }

    @Operation(summary = "A rendition the derived-data job made: thumb-small (320 px), thumb-large (1280 px) or poster "
            + "(a video's frame); 404 until it exists")
    @GetMapping("/{id}/renditions/{rendition}")
    ResponseEntity<Resource> rendition(@PathVariable UUID id,
            @PathVariable @Pattern(regexp = "thumb-small|thumb-large|poster") String rendition,
            @RequestHeader HttpHeaders headers) throws IOException {
        AssetFile file = library.file(id, rendition);
        return BlobResponses.stream(store, file.key(), file.downloadName(), file.mimeType(), false, headers);
    }

    /** A signed link to an asset's file. */
    record AssetSignedUrl(URI url, java.time.Instant expiresAt) {
    }

    @Operation(summary = "A short-lived signed URL to the asset's file (any member): whoever holds it can download that "
            + "one file without signing in until it expires (default 10 minutes, at most 60); a bearer capability for "
            + "sharing and for renderers and channels", description = "minutes: 1 to 60")
    @PostMapping("/{id}/signed-url")
    @ReadOnlyOperation
    AssetSignedUrl signedUrl(@PathVariable UUID id, @RequestParam(required = false) Integer minutes) {
        Duration ttl = minutes == null ? signedUrls.signedUrlTtl() : Duration.ofMinutes(minutes);
        if (minutes != null && (minutes < 1 || ttl.compareTo(BlobStore.MAX_SIGNED_URL_TTL) > 0)) {
            throw new InvalidInputException("minutes", "must be between 1 and " + BlobStore.MAX_SIGNED_URL_TTL.toMinutes());
        }
        AssetFile file = library.file(id, null);
        return new AssetSignedUrl(store.signedUrl(file.key(), file.downloadName(), file.mimeType(), ttl),
                clock.instant().plus(ttl));
    }

    @Operation(summary = "Live assets that look like this one (near-duplicates by perceptual hash within the workspace's "
            + "threshold, not dismissed), closest first; empty until the image has been measured")
    @GetMapping("/{id}/similar")
    List<SimilarAsset> similar(@PathVariable UUID id) {
        return nearDuplicates.similarTo(id);
    }

    @Operation(summary = "Mark two similar assets as not duplicates (contributors): they are never shown as similar "
            + "again, whatever the threshold; 409 already-dismissed; 404 when they were never similar")
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
