package io.flightdeck.publishing.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.posts.ChannelPostView;
import io.flightdeck.publishing.posts.SocialPostReader;
import io.flightdeck.shared.export.ExportColumn;
import io.flightdeck.shared.export.ExportFormat;
import io.flightdeck.shared.export.ExportRows;
import io.flightdeck.shared.export.ListExport;
import io.flightdeck.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The posts list (the calendar's: a post on each channel, between two instants) as a CSV or Excel file, for the API
 * and the calendar page alike, with the list's filters and order (time, then id): every post in the range rather than
 * the calendar's first 2,000, read a page at a time with the accounts and campaign names fetched per page, never per
 * post. Any member may export what the calendar shows them.
 */
@Component
class PostExport {

    /** A channel post with its campaign's name, looked up for the whole page. */
    record PostRow(ChannelPostView post, String campaignName) {
    }

    private static final ListExport<PostRow> COLUMNS = ListExport.of("Posts",
            ExportColumn.text("Id", r -> r.post().id()),
            ExportColumn.text("Post id", r -> r.post().postId()),
            ExportColumn.text("Campaign id", r -> r.post().campaignId()),
            ExportColumn.text("Campaign", PostRow::campaignName),
            ExportColumn.text("Channel", r -> r.post().channelLabel()),
            ExportColumn.text("Account", r -> r.post().accountName()),
            ExportColumn.text("Status", r -> r.post().statusLabel()),
            ExportColumn.moment("Scheduled (UTC)", r -> r.post().scheduledAt()),
            ExportColumn.moment("Published (UTC)", r -> r.post().publishedAt()),
            ExportColumn.text("Planned by", r -> r.post().plannedBy()),
            ExportColumn.count("Attempts", r -> r.post().attempt()),
            ExportColumn.text("Text", r -> r.post().text()),
            ExportColumn.text("First comment", r -> r.post().firstComment()),
            ExportColumn.count("Media", r -> r.post().mediaAssetIds().size()),
            ExportColumn.text("Link", r -> r.post().externalUrl()),
            ExportColumn.text("Error", r -> r.post().errorMessage()),
            ExportColumn.moment("Updated (UTC)", r -> r.post().updatedAt()));

    private final SocialPostReader reader;
    private final CalendarCampaigns campaigns;
    private final ListExports exports;

    PostExport(SocialPostReader reader, CalendarCampaigns campaigns, ListExports exports) {
        this.reader = reader;
        this.campaigns = campaigns;
        this.exports = exports;
    }

    /**
     * Checks the format and the range (a 400 before anything is written: the first page is read before the answer
     * starts), then streams the file.
     */
    void send(HttpServletResponse response, String format, Instant from, Instant to, UUID campaignId, Channel channel,
            boolean withCancelled) throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        Slice<PostRow> first = page(from, to, campaignId, channel, withCancelled, 0);
        exports.send(response, chosen, COLUMNS, ExportRows.paged(Sort.unsorted(), page -> page.getPageNumber() == 0
                ? first : page(from, to, campaignId, channel, withCancelled, page.getPageNumber())));
    }

    private Slice<PostRow> page(Instant from, Instant to, UUID campaignId, Channel channel, boolean withCancelled,
            int number) {
        Slice<ChannelPostView> posts = reader.betweenPage(from, to, campaignId, channel, withCancelled,
                PageRequest.of(number, ExportRows.PAGE));
        Map<UUID, String> names = campaigns.names(posts.getContent().stream().map(ChannelPostView::campaignId).toList(),
                List.of());
        return posts.map(p -> new PostRow(p, names.get(p.campaignId())));
    }
}
