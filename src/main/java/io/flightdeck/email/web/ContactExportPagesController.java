package io.flightdeck.email.web;

import java.io.IOException;

import io.flightdeck.email.contacts.ContactExport;
import io.flightdeck.email.contacts.ContactStatus;
import io.flightdeck.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The contacts page's Export CSV and Export Excel, through the session (the API's own download wants a token); managers. */
@Controller
class ContactExportPagesController {

    private final ContactExport export;
    private final ListExports exports;

    ContactExportPagesController(ContactExport export, ListExports exports) {
        this.export = export;
        this.exports = exports;
    }

    @GetMapping("/email/contacts.csv")
    @PreAuthorize("hasRole('MANAGER')")
    void csv(@RequestParam(required = false) String q, @RequestParam(required = false) ContactStatus status,
            HttpServletResponse response) throws IOException {
        ContactExportApiController.write(export, exports, "csv", q, status, response);
    }

    /** The page's Export Excel (and CSV again, as every list's export is named). */
    @GetMapping("/email/contacts/export")
    @PreAuthorize("hasRole('MANAGER')")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) ContactStatus status, HttpServletResponse response) throws IOException {
        ContactExportApiController.write(export, exports, format, q, status, response);
    }
}
