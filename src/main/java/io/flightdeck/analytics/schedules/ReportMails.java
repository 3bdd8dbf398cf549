package io.flightdeck.analytics.schedules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.reports.CampaignReport;
import io.flightdeck.analytics.reports.ReportFiles;
import io.flightdeck.analytics.reports.ReportFormat;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.mail.MailTemplates;
import io.flightdeck.shared.mail.OutgoingMail;
import org.springframework.stereotype.Component;

/**
 * A scheduled report's mail: the report's own sections in the body (the same data as the screen and the file, so
 * the same numbers and as-of), the file attached in the schedule's format, a link to the dashboard, and why the
 * recipient gets it. The key is the ledger row's, so every attempt carries the same Message-ID.
 */
@Component
class ReportMails {

    private final MailTemplates templates;
    private final PublicUrls urls;

    ReportMails(MailTemplates templates, PublicUrls urls) {
        this.templates = templates;
        this.urls = urls;
    }

    /** The parts shared by every recipient's copy. */
    record Composed(String subject, String text, String html, OutgoingMail.Attachment file) {

        OutgoingMail to(UUID workspaceId, String key, String recipient) {
            return new OutgoingMail(workspaceId, key, recipient, subject, text, html, Map.of(), List.of(file));
        }
    }

    Composed compose(CampaignReport report, ReportFormat format, byte[] file, ReportCadence cadence, String owner) {
        String fileName = ReportFiles.fileName(report, format);
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("fileName", fileName);
        model.put("dashboardLink", urls.ofOrLocal("/analytics/campaigns/" + report.campaignId()));
        model.put("schedulesLink", urls.ofOrLocal("/analytics/schedules"));
        model.put("why", owner + " scheduled this " + cadence.name().toLowerCase(java.util.Locale.ROOT)
                + " report to your address.");
        MailTemplates.Rendered rendered = templates.render("report", model);
        String subject = report.title() + ", " + report.from() + (report.to().equals(report.from()) ? ""
                : " to " + report.to());
        return new Composed(subject, rendered.text(), rendered.html(),
                new OutgoingMail.Attachment(fileName, format.mediaType(), file));
    }
}
