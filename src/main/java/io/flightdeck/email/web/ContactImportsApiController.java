package io.flightdeck.email.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactBatches;
import io.flightdeck.shared.export.Downloads;
import io.flightdeck.email.imports.ContactImportColumn;
import io.flightdeck.email.imports.ContactImportField;
import io.flightdeck.email.imports.ContactImportRowError;
import io.flightdeck.email.imports.ContactImportView;
import io.flightdeck.email.imports.ContactImports;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.PayloadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Contact imports: upload a CSV file (stored, its header read, nothing imported yet), preview it with a suggested
 * mapping, start it with the mapping and the consent basis (a job reads it in batches), follow its counts, read its
 * error report as JSON or CSV. Any member reads; contributors upload and start.
 */
@RestController
@RequestMapping("/api/v1/email/imports")
@Tag(name = "Email contact imports")
class ContactImportsApiController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final ContactImports imports;

    ContactImportsApiController(ContactImports imports) {
        this.imports = imports;
    }

    record ContactImportColumnBody(@NotNull @Schema(description = "The column's position, 0 for the first",
            example = "0") Integer index, @NotNull @Schema(example = "EMAIL") ContactImportField field,
            @Size(max = 40) @Schema(description = "The attribute's name, for an ATTRIBUTE column", example = "city")
            String key) {
    }

    record ContactImportStartBody(
            @NotNull @Size(max = 200) @Schema(description = "Which column feeds what; columns left out are ignored",
                    example = "[{\"index\": 0, \"field\": \"EMAIL\"}, {\"index\": 1, \"field\": \"NAME\"}, "
                            + "{\"index\": 2, \"field\": \"ATTRIBUTE\", \"key\": \"city\"}]")
            List<@Valid ContactImportColumnBody> mapping,
            @Size(max = 500) @Schema(description = "Where the file's consent came from (required)",
                    example = "Sign-up sheet of the spring fair 2026; everyone ticked Send me news")
            String consentEvidence,
            @Schema(description = "A list to put everyone on (optional)") UUID listId,
            @Schema(description = "SKIP (default) leaves existing contacts as they are; UPDATE fills in their details",
                    example = "SKIP") ContactBatches.Existing existing) {

        ContactImports.Start start() {
            return new ContactImports.Start(mapping == null ? null : mapping.stream().map(c -> new ContactImportColumn(
                    c.index(), c.field(), c.key())).toList(), consentEvidence, listId, existing);
        }
    }

    @Operation(summary = "Upload a CSV file of contacts (contributors): UTF-8 with or without a byte-order mark, comma "
            + "or semicolon separated, a header row first. Stored and previewed, nothing imported yet: 201 with the "
            + "import (status UPLOADED); an empty file, one that is not CSV text or over the size limit (413) leaves "
            + "nothing")
    @ApiResponse(responseCode = "201", description = "The file stored and previewed (status UPLOADED)",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ContactImportView.class)))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ContactImportView> upload(@RequestPart("file") MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "Choose a non-empty CSV file");
        }
        if (file.getSize() > imports.maxBytes()) {
            throw new PayloadTooLargeException("The file is larger than an import takes", imports.maxBytes());
        }
        try (InputStream content = file.getInputStream()) {
            ContactImportView made = imports.upload(file.getOriginalFilename(), content);
            return ResponseEntity.created(URI.create("/api/v1/email/imports/" + made.id())).body(made);
        }
    }

    @Operation(summary = "The workspace's contact imports, newest first, paged")
    @GetMapping
    PageResponse<ContactImportView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(imports.list(Paging.of(page, size, NEWEST_FIRST)), i -> i);
    }

    @Operation(summary = "One import: status (UPLOADED, QUEUED, RUNNING, SUCCEEDED, PARTLY, FAILED), progress and "
            + "counts (rowsRead, added, updated, skipped, suppressedKept, rejected, errorCount)")
    @GetMapping("/{id}")
    ContactImportView get(@PathVariable UUID id) {
        return imports.get(id);
    }

    @Operation(summary = "The first 10 rows of an uploaded file, with the suggested mapping (or the one it was "
            + "started with) and each row's errors under it; writes nothing")
    @GetMapping("/{id}/preview")
    ContactImports.ContactImportPreview preview(@PathVariable UUID id) throws IOException {
        return imports.preview(id);
    }

    @Operation(summary = "Start the import (contributors) with the mapping (exactly one EMAIL column), the consent "
            + "evidence for the whole file, an optional list and what to do with existing contacts; unsubscribed, "
            + "bounced and complained contacts are never subscribed again. 202 with the import to poll; a wrong "
            + "mapping is 400 with every problem and changes nothing; an import starts once (409 illegal-transition after)")
    @ApiResponse(responseCode = "202", description = "The import started; poll it at Location",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ContactImportView.class)))
    @PostMapping("/{id}/start")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<ContactImportView> start(@PathVariable UUID id, @Valid @RequestBody ContactImportStartBody body) {
        ContactImportView started = imports.start(id, body.start());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/email/imports/" + id))
                .body(started);
    }

    @Operation(summary = "The error report (row, column, message) in file order, paged; it keeps the first 1,000 "
            + "lines, errorCount on the import has them all")
    @GetMapping("/{id}/errors")
    PageResponse<ContactImportRowError> errors(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(imports.errors(id, Paging.of(page, size, Sort.by("lineNumber"))), e -> e);
    }

    /** Written straight to the response on the request thread, which holds the workspace scope. */
    @Operation(summary = "The same error report as CSV (row,column,message), cells that could start a spreadsheet "
            + "formula written as text")
    @ApiResponse(responseCode = "200", description = "The rows that failed, as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping(value = "/{id}/errors.csv", produces = "text/csv")
    void errorsCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        imports.get(id); // 404 before the answer starts
        imports.writeErrorsCsv(id, Downloads.start(response, "text/csv;charset=UTF-8", "import-" + id + "-errors.csv"));
    }
}
