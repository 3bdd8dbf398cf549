package io.flightdeck.assets.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.domain.ResumableUploads;
import io.flightdeck.assets.domain.UploadChecksum;
import io.flightdeck.assets.domain.UploadRefusedException;
import io.flightdeck.assets.domain.UploadSessionView;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable uploads with the tus 1.0 protocol (core, creation, termination, expiration, checksum): a file sent in as
 * many PATCHes as the connection needs, each going on where the last durable byte ended; the asset exists once the last
 * byte is in and verified. Served twice: under {@code /api/v1/uploads} for API clients (Bearer token or API key), and
 * under {@code /assets/uploads} for the web UI's tus client, which has the session cookie and sends the CSRF header
 * (the API's filter chain reads no session). Every answer carries {@code Tus-Resumable}
 * ({@link TusResumableCheck}).
 */
@RestController
@RequestMapping({"/api/v1/uploads", "/assets/uploads"})
@Tag(name = "Resumable uploads")
class TusUploadsApiController {

    static final String ASSET_ID = "Flightdeck-Asset-Id";
    static final String ASSET_LOCATION = "Flightdeck-Asset-Location";
    private static final List<String> EXTENSIONS = List.of("creation", "termination", "expiration", "checksum");

    private final ResumableUploads uploads;
    private final IdempotencyKeys idempotencyKeys;

    TusUploadsApiController(ResumableUploads uploads, IdempotencyKeys idempotencyKeys) {
        this.uploads = uploads;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Operation(summary = "What this server supports of tus: version, extensions, the workspace's largest upload "
            + "(Tus-Max-Size) and the checksum algorithms")
    @ApiResponse(responseCode = "204", description = "The capabilities, in headers", headers = {
            @Header(name = "Tus-Version", schema = @Schema(type = "string", example = "1.0.0")),
            @Header(name = "Tus-Extension", schema = @Schema(type = "string", example = "creation,termination,expiration,checksum")),
            @Header(name = "Tus-Max-Size", schema = @Schema(type = "integer", format = "int64", example = "2147483648")),
            @Header(name = "Tus-Checksum-Algorithm", schema = @Schema(type = "string", example = "sha1,sha256"))})
    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent()
                .header("Tus-Version", TusHeaders.VERSION)
                .header("Tus-Extension", String.join(",", EXTENSIONS))
                .header("Tus-Max-Size", Long.toString(uploads.maxSize()))
                .header("Tus-Checksum-Algorithm", String.join(",", UploadChecksum.ALGORITHMS))
                .build();
    }

    /** What a creation is, for Idempotency-Key: the same length and metadata again is the same request. */
    private record TusCreation(long length, Map<String, String> metadata) {
    }

    @Operation(summary = "Start a resumable upload (contributors): Upload-Length in bytes, Upload-Metadata with "
            + "base64 values (filename, spaceId, campaignId, name, type, title, description, tags comma-separated, "
            + "skipDuplicateCheck, sha256 of the whole file). Checked before any byte is sent: over the workspace's limit "
            + "413, bad metadata 400, unknown space or campaign 404, archived space 409. Honours Idempotency-Key",
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = "Tus-Resumable", required = true, schema = @Schema(type = "string", example = "1.0.0")),
                    @Parameter(in = ParameterIn.HEADER, name = "Upload-Length", required = true, schema = @Schema(type = "integer", format = "int64", example = "734003200")),
                    @Parameter(in = ParameterIn.HEADER, name = "Upload-Metadata", schema = @Schema(type = "string", example = "filename c3VtbWVyLW1vdmllLm1wNA==,tags c3VtbWVyLHZpZGVv"))})
    @ApiResponse(responseCode = "201", description = "Created; send the bytes with PATCH to Location", headers = {
            @Header(name = "Location", schema = @Schema(type = "string", example = "/api/v1/uploads/01a20264-4f1b-71fb-8235-0871f90ae030")),
            @Header(name = "Upload-Expires", schema = @Schema(type = "string", example = "Sat, 23 Nov 2026 23:20:00 GMT"))},
            content = @Content)
    @ApiResponse(responseCode = "413", description = "Upload-Length is over the workspace's limit (limitBytes)",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> create(@RequestHeader(name = TusHeaders.UPLOAD_LENGTH, required = false) String uploadLength,
            @RequestHeader(name = TusHeaders.UPLOAD_METADATA, required = false) String uploadMetadata,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            HttpServletRequest request) {
        long length = TusHeaders.number(TusHeaders.UPLOAD_LENGTH, uploadLength);
        Map<String, String> metadata = TusHeaders.metadata(uploadMetadata);
        String base = request.getRequestURI().replaceFirst("/+$", "");
        return idempotencyKeys.run(idempotencyKey, new TusCreation(length, metadata), () -> {
            UploadSessionView created = uploads.create(length, metadata);
            return ResponseEntity.created(URI.create(base + "/" + created.id()))
                    .header(TusHeaders.UPLOAD_EXPIRES, TusHeaders.date(created.expiresAt())).build();
        });
    }

    @Operation(summary = "Where an upload stands (contributors, your own uploads): Upload-Offset is where to go on; once "
            + "complete, Flightdeck-Asset-Id and Flightdeck-Asset-Location name the asset it made. 410 once expired",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "Tus-Resumable", required = true, schema = @Schema(type = "string", example = "1.0.0")))
    @ApiResponse(responseCode = "200", description = "The upload's state, in headers", headers = {
            @Header(name = "Upload-Offset", schema = @Schema(type = "integer", format = "int64")),
            @Header(name = "Upload-Length", schema = @Schema(type = "integer", format = "int64")),
            @Header(name = "Upload-Metadata", schema = @Schema(type = "string")),
            @Header(name = "Upload-Expires", schema = @Schema(type = "string")),
            @Header(name = ASSET_ID, description = "Once complete", schema = @Schema(type = "string", format = "uuid")),
            @Header(name = ASSET_LOCATION, description = "Once complete", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "410", description = "The unfinished upload expired", content = @Content)
    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<Void> head(@PathVariable UUID id) {
        return ResponseEntity.ok().headers(state(uploads.get(id))).cacheControl(CacheControl.noStore()).build();
    }

    @Operation(summary = "Append bytes (contributors, your own uploads): Content-Type application/offset+octet-stream "
            + "(else 415), Upload-Offset where the upload's bytes end (else 409), an optional Upload-Checksum of this "
            + "request's bytes (mismatch 460, bytes not kept). A dropped connection keeps what arrived. The append that "
            + "brings the last byte registers the asset (Flightdeck-Asset-Id); a mismatching sha256 in the metadata is "
            + "460 and ends the upload. Appending to a complete upload changes nothing and answers its asset again",
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = "Tus-Resumable", required = true, schema = @Schema(type = "string", example = "1.0.0")),
                    @Parameter(in = ParameterIn.HEADER, name = "Upload-Offset", required = true, schema = @Schema(type = "integer", format = "int64", example = "0")),
                    @Parameter(in = ParameterIn.HEADER, name = "Upload-Checksum", schema = @Schema(type = "string", example = "sha256 n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="))},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = TusHeaders.OFFSET_OCTET_STREAM, schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "204", description = "Appended", headers = {
            @Header(name = "Upload-Offset", schema = @Schema(type = "integer", format = "int64")),
            @Header(name = "Upload-Expires", schema = @Schema(type = "string")),
            @Header(name = ASSET_ID, description = "When this append completed the upload", schema = @Schema(type = "string", format = "uuid")),
            @Header(name = ASSET_LOCATION, description = "When this append completed the upload", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "410", description = "The upload expired", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "More bytes than the upload's length", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Not application/offset+octet-stream", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "423", description = "Another request is appending to this upload", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "460", description = "Checksum mismatch", content = @Content(mediaType = "application/problem+json"))
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<Void> append(@PathVariable UUID id,
            @RequestHeader(name = TusHeaders.UPLOAD_OFFSET, required = false) String uploadOffset,
            @RequestHeader(name = TusHeaders.UPLOAD_CHECKSUM, required = false) String uploadChecksum,
            HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        // checked here rather than with consumes=, so that a refused Accept header is still answered first
        if (request.getContentType() == null
                || !MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.parseMediaType(TusHeaders.OFFSET_OCTET_STREAM))) {
            throw new HttpMediaTypeNotSupportedException(request.getContentType() == null ? null
                    : MediaType.parseMediaType(request.getContentType()), List.of(MediaType.parseMediaType(TusHeaders.OFFSET_OCTET_STREAM)));
        }
        long offset = TusHeaders.number(TusHeaders.UPLOAD_OFFSET, uploadOffset);
        UploadChecksum checksum = TusHeaders.checksum(uploadChecksum);
        return ResponseEntity.noContent().headers(state(uploads.append(id, offset, request.getInputStream(), checksum))).build();
    }

    @Operation(summary = "Terminate an upload (contributors, your own uploads): its bytes are removed; an asset it "
            + "already made stays",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "Tus-Resumable", required = true, schema = @Schema(type = "string", example = "1.0.0")))
    @ApiResponse(responseCode = "204", description = "Terminated")
    @ApiResponse(responseCode = "423", description = "Another request is appending to this upload", content = @Content(mediaType = "application/problem+json"))
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<Void> terminate(@PathVariable UUID id) throws IOException {
        uploads.terminate(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UploadRefusedException.class)
    ProblemDetail refused(UploadRefusedException e, HttpServletRequest request) {
        return switch (e.reason()) {
            case LOCKED -> Problems.of(HttpStatusCode.valueOf(423), "upload-locked", "Locked", e.getMessage(), request.getRequestURI());
            case EXPIRED -> Problems.of(HttpStatusCode.valueOf(410), "upload-expired", "Gone", e.getMessage(), request.getRequestURI());
            case CHECKSUM_MISMATCH -> Problems.of(HttpStatusCode.valueOf(460), "checksum-mismatch", "Checksum mismatch",
                    e.getMessage(), request.getRequestURI());
            case LENGTH_EXCEEDED -> Problems.of(HttpStatusCode.valueOf(413), "upload-length-exceeded", "Content too large",
                    e.getMessage(), request.getRequestURI());
        };
    }

    /** The upload's state in tus headers, and once complete the asset it made. */
    private static HttpHeaders state(UploadSessionView upload) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(TusHeaders.UPLOAD_OFFSET, Long.toString(upload.offset()));
        headers.set(TusHeaders.UPLOAD_LENGTH, Long.toString(upload.length()));
        headers.set(TusHeaders.UPLOAD_EXPIRES, TusHeaders.date(upload.expiresAt()));
        if (!upload.metadata().isEmpty()) {
            headers.set(TusHeaders.UPLOAD_METADATA, TusHeaders.metadata(upload.metadata()));
        }
        if (upload.assetId() != null) {
            headers.set(ASSET_ID, upload.assetId().toString());
            headers.set(ASSET_LOCATION, "/api/v1/campaign-assets/" + upload.assetId());
        }
        return headers;
    }
}
