package io.flightdeck.email.web;

import java.io.IOException;

import io.flightdeck.email.contacts.ContactExport;
import io.flightdeck.email.contacts.ContactStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every contact of the workspace (or those a search and status choose) as one CSV file, streamed (managers). */
@RestController
@Tag(name = "Email contacts")
class ContactExportApiController {

    private final ContactExport export;

    ContactExportApiController(ContactExport export) {
        this.export = export;
    }

    @Operation(summary = "The contacts as CSV (managers): email, name, status, consent_source, consent_at, time_zone and "
            + "a column per attribute; q and status filter as on the list; cells that could start a spreadsheet "
            + "formula are written as text")
    @GetMapping(value = "/api/v1/email/contacts.csv", produces = "text/csv")
    @PreAuthorize("hasRole('MANAGER')")
    void csv(@RequestParam(required = false) String q, @RequestParam(required = false) ContactStatus status,
            HttpServletResponse response) throws IOException {
        write(export, q, status, response);
    }

    /** Checks the search first (400 before the answer starts), then streams on the request thread (its scope). */
    static void write(ContactExport export, String q, ContactStatus status, HttpServletResponse response)
            throws IOException {
        ContactExport.like(q);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts.csv\"");
        export.write(q, status, response.getOutputStream());
    }
}
