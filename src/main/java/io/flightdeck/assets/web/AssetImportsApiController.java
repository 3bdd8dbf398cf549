package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

import io.flightdeck.assets.domain.AssetUploads;
import io.flightdeck.shared.export.Downloads;
import io.flightdeck.assets.imports.AssetImportView;
import io.flightdeck.assets.imports.AssetImports;
import io.flightdeck.assets.imports.ImportKind;
import io.flightdeck.assets.imports.ImportMode;
import io.flightdeck.assets.imports.ImportPreview;
import io.flightdeck.assets.imports.ImportRowError;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ReadOnlyOperation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV imports into a campaign space (seed 004's {@code .../assets/import}): asset details or performance by day, in the
 * seed's columns or as Google Ads and Meta Ads export them. The file is stored and a job imports it; the answer is 202
 * with the import to poll, its error report as JSON or CSV, and a preview that writes nothing.
 */
@RestController
@RequestMapping("/api/v1/campaign-assets")
@Tag(name = "Campaign asset imports")
class AssetImportsApiController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final AssetImports imports;
    private final AssetUploads uploads;
    private final IdempotencyKeys idempotencyKeys;

    AssetImportsApiController(AssetImports imports, AssetUploads uploads, IdempotencyKeys idempotencyKeys) {
        this.imports = imports;
        this.uploads = uploads;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** What an Idempotency-Key is compared against: the same key with another file or settings is refused. */
    record AssetImportFingerprint(UUID spaceId, ImportKind kind, ImportMode mode, String fileName, long size) {
    }

    @Operation(summary = "Import a CSV file into a campaign space (contributors): kind METADATA (asset details; creates "
            + "copy, updates assets matched by asset_id, external_asset_id or name and type) or PERFORMANCE (by asset "
            + "and day; replaces the days it names, so a file imported twice counts once), in the seed's columns or a "
            + "Google Ads or Meta Ads export; mode ALL_OR_NOTHING (default) or SKIP_BAD_ROWS. Answers 202 with the "
            + "import to poll; a file whose header no format recognises, or without the columns its kind needs, is 400 "
            + "and leaves nothing; honours Idempotency-Key")
    @ApiResponse(responseCode = "202", description = "The import started; poll it at Location",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AssetImportView.class)))
    @PostMapping(path = "/campaign-spaces/{spaceId}/assets/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> start(@PathVariable UUID spaceId, @RequestPart("file") MultipartFile file,
            @RequestParam(name = "kind", required = false) ImportKind kind,
            @RequestParam(name = "mode", required = false) ImportMode mode,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        requireFile(file);
        uploads.checkDeclaredSize(file.getSize());
        var fingerprint = new AssetImportFingerprint(spaceId, kind, mode, file.getOriginalFilename(), file.getSize());
        return idempotencyKeys.run(idempotencyKey, fingerprint, () -> {
            try (InputStream content = file.getInputStream()) {
                AssetImportView started = imports.start(spaceId, kind, mode, file.getOriginalFilename(), content);
                return ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/v1/campaign-assets/imports/" + started.id())).body(started);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Operation(summary = "Preview an import (any member; writes nothing): the detected format, character set and "
            + "delimiter, which column feeds which field, and the first 10 data rows as they would be imported, each "
            + "with its errors")
    @PostMapping(path = "/campaign-spaces/{spaceId}/assets/import/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ReadOnlyOperation
    ImportPreview preview(@PathVariable UUID spaceId, @RequestPart("file") MultipartFile file,
            @RequestParam(name = "kind", required = false) ImportKind kind) throws IOException {
        requireFile(file);
        try (InputStream content = file.getInputStream()) {
            return imports.preview(spaceId, kind, content);
        }
    }

    private static void requireFile(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "must be a non-empty CSV file");
        }
    }

    @Operation(summary = "The workspace's imports, or one space's (spaceId), newest first, paged")
    @GetMapping("/imports")
    PageResponse<AssetImportView> list(@RequestParam(required = false) UUID spaceId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(imports.list(spaceId, Paging.of(page, size, NEWEST_FIRST)), i -> i);
    }

    @Operation(summary = "One import: status (QUEUED, RUNNING, SUCCEEDED, PARTLY, FAILED), progress and counters")
    @GetMapping("/imports/{id}")
    AssetImportView get(@PathVariable UUID id) {
        return imports.get(id);
    }

    @Operation(summary = "An import's error report (row, column, message) in file order, paged; the report keeps the "
            + "first 1,000 lines, errorCount on the import has them all")
    @GetMapping("/imports/{id}/errors")
    PageResponse<ImportRowError> errors(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(imports.errors(id, Paging.of(page, size, Sort.by("lineNumber"))), e -> e);
    }

    /** Written straight to the response on the request thread, which holds the workspace scope. */
    @Operation(summary = "The same error report as CSV (row,column,message), cells that could start a spreadsheet "
            + "formula written as text")
    @ApiResponse(responseCode = "200", description = "The rows that failed, as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping(value = "/imports/{id}/errors.csv", produces = "text/csv")
    void errorsCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        imports.get(id); // 404 before the answer starts
        imports.writeErrorsCsv(id, Downloads.start(response, "text/csv;charset=UTF-8", "import-" + id + "-errors.csv"));
    }
}
