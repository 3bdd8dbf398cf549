package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AssetUpload;
import io.flightdeck.assets.domain.AssetUploads;
import io.flightdeck.assets.domain.UploadResult;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.ETags;
import io.flightdeck.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of campaign assets (seed 004) in one request: a multipart file into a space or the library, the raw bytes
 * streamed as the body, or a file the workspace already holds named by its SHA-256. Resumable uploads are
 * {@link TusUploadsApiController}. The operation ids stay those of {@link AssetsApiController}, where these lived,
 * so that generated clients keep their names.
 */
@RestController
@RequestMapping("/api/v1/campaign-assets")
@Tag(name = "Campaign assets")
class AssetUploadsApiController {

    private final AssetUploads uploads;

    AssetUploadsApiController(AssetUploads uploads) {
        this.uploads = uploads;
    }

    @Operation(summary = "Upload a file into a campaign space (contributors). The type, size and SHA-256 are measured "
            + "from the content; bytes the workspace already has return the existing asset (200, duplicate=true, linked "
            + "into this space) unless skipDuplicateCheck; a new asset answers 201; over the workspace's limit 413",
            operationId = "assets_uploadIntoSpace")
    @ApiResponse(responseCode = "201", description = "A new asset",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResult.class)))
    @ApiResponse(responseCode = "200", description = "Bytes the workspace had already: the existing asset (duplicate)",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResult.class)))
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

    @Operation(summary = "Upload a file into the library (contributors), optionally into a campaign; as the space upload",
            operationId = "assets_uploadIntoLibrary")
    @ApiResponse(responseCode = "201", description = "A new asset",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResult.class)))
    @ApiResponse(responseCode = "200", description = "Bytes the workspace had already: the existing asset (duplicate)",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResult.class)))
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
            + "byte is read. The file name is the `name` parameter; the rest as the multipart upload",
            operationId = "assets_streamIntoLibrary")
    @ApiResponse(responseCode = "201", description = "A new asset",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResult.class)))
    @ApiResponse(responseCode = "200", description = "Bytes the workspace had already: the existing asset (duplicate)",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResult.class)))
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
            + "client uploads the file",
            operationId = "assets_byHash")
    @ApiResponse(responseCode = "201", description = "A new asset",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResult.class)))
    @ApiResponse(responseCode = "200", description = "Bytes the workspace had already: the existing asset (duplicate)",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadResult.class)))
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
}
