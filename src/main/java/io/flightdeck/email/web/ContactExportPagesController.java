package io.flightdeck.email.web;

import java.io.IOException;

import io.flightdeck.email.contacts.ContactExport;
import io.flightdeck.email.contacts.ContactStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The contacts page's Export CSV, through the session (the API's own download wants a token); managers. */
@Controller
class ContactExportPagesController {

    private final ContactExport export;

    ContactExportPagesController(ContactExport export) {
        this.export = export;
    }

    @GetMapping("/email/contacts.csv")
    @PreAuthorize("hasRole('MANAGER')")
    void csv(@RequestParam(required = false) String q, @RequestParam(required = false) ContactStatus status,
            HttpServletResponse response) throws IOException {
        ContactExportApiController.write(export, q, status, response);
    }
}
