package io.flightdeck.email.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The email list page's Export CSV and Export Excel: the API's file, signed in by the session. */
@Controller
class EmailSendExportPagesController {

    private final EmailSendExport export;

    EmailSendExportPagesController(EmailSendExport export) {
        this.export = export;
    }

    @GetMapping("/email/campaigns/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) UUID campaignId,
            HttpServletResponse response) throws IOException {
        export.send(response, format, campaignId);
    }
}
