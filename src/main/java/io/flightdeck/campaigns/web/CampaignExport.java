package io.flightdeck.campaigns.web;

import java.io.IOException;
import java.util.TreeSet;

import io.flightdeck.campaigns.domain.CampaignFilter;
import io.flightdeck.campaigns.domain.CampaignView;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.shared.export.ExportColumn;
import io.flightdeck.shared.export.ExportFormat;
import io.flightdeck.shared.export.ExportRows;
import io.flightdeck.shared.export.ListExport;
import io.flightdeck.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The campaign list as a CSV or Excel file, for the API (Bearer token) and the page (session) alike, with the list's
 * filters: every campaign they keep, in the list's order, read a page at a time through the list's own query (owner
 * names and collections fetched per page, never per row). Any member may export what the list shows them.
 */
@Component
class CampaignExport {

    private static final ListExport<CampaignView> COLUMNS = ListExport.of("Campaigns",
            ExportColumn.text("Id", CampaignView::id),
            ExportColumn.text("Name", CampaignView::name),
            ExportColumn.text("Status", CampaignView::status),
            ExportColumn.text("Type", c -> c.type().label()),
            ExportColumn.text("Priority", CampaignView::priority),
            ExportColumn.text("Objective", CampaignView::objective),
            ExportColumn.date("Start", CampaignView::startDate),
            ExportColumn.date("End", CampaignView::endDate),
            ExportColumn.amount("Budget", c -> c.budget() == null ? null : c.budget().amount()),
            ExportColumn.text("Currency", c -> c.budget() == null ? null : c.budget().currency()),
            ExportColumn.text("Owner", CampaignView::ownerName),
            ExportColumn.text("Channels", c -> String.join(" ", new TreeSet<>(c.channels().stream().map(Enum::name)
                    .toList()))),
            ExportColumn.text("Tags", c -> String.join(", ", new TreeSet<>(c.tags()))),
            ExportColumn.moment("Created (UTC)", CampaignView::createdAt),
            ExportColumn.moment("Updated (UTC)", CampaignView::updatedAt));

    private final Campaigns campaigns;
    private final ListExports exports;

    CampaignExport(Campaigns campaigns, ListExports exports) {
        this.campaigns = campaigns;
        this.exports = exports;
    }

    /** Checks the format and the sort (a 400 before anything is written), then streams the file. */
    void send(HttpServletResponse response, String format, CampaignFilter filter, String sort) throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        var order = CampaignSorts.parse(sort);
        exports.send(response, chosen, COLUMNS, ExportRows.paged(order, page -> campaigns.list(filter, page)));
    }
}
