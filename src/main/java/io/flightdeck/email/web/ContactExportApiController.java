package io.flightdeck.email.web;

import java.io.IOException;

import io.flightdeck.email.contacts.ContactExport;
import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.shared.export.ExportFormat;
import io.flightdeck.shared.export.ListExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every contact of the workspace (or those a search and status choose) as one CSV file, streamed (managers). */
@RestController
@Tag(name = "Email contacts")
class ContactExportApiController {

    private final ContactExport export;
    private final ListExports exports;

    ContactExportApiController(ContactExport export, ListExports exports) {
        this.export = export;
        this.exports = exports;
    }

    @Operation(summary = "The contacts as CSV (managers): email, name, status, consent_source, consent_at, time_zone and "
            + "a column per attribute; q and status filter as on the list; cells that could start a spreadsheet "
            + "formula are written as text")
    @GetMapping(value = "/api/v1/email/contacts.csv", produces = "text/csv")
    @PreAuthorize("hasRole('MANAGER')")
    void csv(@RequestParam(required = false) String q, @RequestParam(required = false) ContactStatus status,
            HttpServletResponse response) throws IOException {
        write(export, exports, "csv", q, status, response);
    }

    @Operation(summary = "The contacts as CSV or Excel (managers; format=csv or xlsx), the same columns and filters as "
            + "contacts.csv")
    @GetMapping(value = "/api/v1/email/contacts/export", produces = {"text/csv", ExportFormat.XLSX_TYPE})
    @PreAuthorize("hasRole('MANAGER')")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) ContactStatus status, HttpServletResponse response) throws IOException {
        write(export, exports, format, q, status, response);
    }

    /** Checks the format and search first (400 before the answer starts), then streams on the request thread. */
    static void write(ContactExport export, ListExports exports, String format, String q, ContactStatus status,
            HttpServletResponse response) throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        exports.send(response, chosen, export.columns(), export.rows(q, status));
    }
}
