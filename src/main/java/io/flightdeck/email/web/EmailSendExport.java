package io.flightdeck.email.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.email.sending.EmailCampaignView;
import io.flightdeck.email.sending.EmailCampaigns;
import io.flightdeck.shared.export.ExportColumn;
import io.flightdeck.shared.export.ExportFormat;
import io.flightdeck.shared.export.ExportRows;
import io.flightdeck.shared.export.ListExport;
import io.flightdeck.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The email sends (the email campaigns list, newest first, optionally of one campaign) as a CSV or Excel file, for the
 * API and the page alike, with each send's progress from its ledger: read a page at a time through the list's own
 * query, whose ledger counts come per page, as do the campaigns' names here, never per send. Any member may export
 * what the list shows them.
 */
@Component
class EmailSendExport {

    /** Newest first as the list, then by id, so that pages neither skip nor repeat a send made in the same instant. */
    private static final Sort ORDER = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    /** A send with its campaign's name, looked up for the whole page. */
    record SendRow(EmailCampaignView send, String campaignName) {
    }

    private static final ListExport<SendRow> COLUMNS = ListExport.of("Email sends",
            ExportColumn.text("Id", r -> r.send().id()),
            ExportColumn.text("Name", r -> r.send().name()),
            ExportColumn.text("Subject", r -> r.send().subject()),
            ExportColumn.text("Status", r -> r.send().status()),
            ExportColumn.text("Campaign id", r -> r.send().campaignId()),
            ExportColumn.text("Campaign", SendRow::campaignName),
            ExportColumn.moment("Scheduled (UTC)", r -> r.send().scheduledAt()),
            ExportColumn.moment("Started (UTC)", r -> r.send().startedAt()),
            ExportColumn.moment("Finished (UTC)", r -> r.send().finishedAt()),
            ExportColumn.count("Recipients", r -> r.send().progress().total()),
            ExportColumn.count("Sent", r -> r.send().progress().sent()),
            ExportColumn.count("Delivered", r -> r.send().progress().delivered()),
            ExportColumn.count("Bounced", r -> r.send().progress().bounced()),
            ExportColumn.count("Complained", r -> r.send().progress().complained()),
            ExportColumn.count("Failed", r -> r.send().progress().failed()),
            ExportColumn.count("Skipped", r -> r.send().progress().skipped()),
            ExportColumn.count("Not reached", r -> r.send().progress().notReached()),
            ExportColumn.count("Percent done", r -> r.send().progress().percentDone()),
            ExportColumn.moment("Created (UTC)", r -> r.send().createdAt()),
            ExportColumn.moment("Updated (UTC)", r -> r.send().updatedAt()));

    private final EmailCampaigns emails;
    private final CampaignDirectory campaigns;
    private final ListExports exports;

    EmailSendExport(EmailCampaigns emails, CampaignDirectory campaigns, ListExports exports) {
        this.emails = emails;
        this.campaigns = campaigns;
        this.exports = exports;
    }

    /** Checks the format (a 400 before anything is written), then streams the file. */
    void send(HttpServletResponse response, String format, UUID campaignId) throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        exports.send(response, chosen, COLUMNS, ExportRows.paged(ORDER, page -> {
            Page<EmailCampaignView> sends = emails.page(campaignId, page);
            Map<UUID, String> names = new HashMap<>();
            campaigns.findAll(sends.map(EmailCampaignView::campaignId).getContent())
                    .forEach((id, campaign) -> names.put(id, campaign.name()));
            return sends.map(s -> new SendRow(s, names.get(s.campaignId())));
        }));
    }
}
