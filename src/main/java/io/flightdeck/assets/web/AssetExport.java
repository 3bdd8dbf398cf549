package io.flightdeck.assets.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetSearch;
import io.flightdeck.assets.domain.AssetSearchQuery;
import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.shared.export.ExportColumn;
import io.flightdeck.shared.export.ExportFormat;
import io.flightdeck.shared.export.ExportRows;
import io.flightdeck.shared.export.ListExport;
import io.flightdeck.shared.export.ListExports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The asset library as a CSV or Excel file, for the search API and the library page alike: every asset the list's
 * filters keep, in its order, from the engine that answers the list (the search index, read chunk by chunk through
 * the same search; or, for an order or filter only the database has, the database a page at a time). Each chunk's
 * tags and files are fetched in batches, never per asset. Any member may export what the library shows them.
 */
@Component
class AssetExport {

    /** Hits the index hands over at a time. */
    static final int CHUNK = ExportRows.PAGE;

    private static final ListExport<AssetView> COLUMNS = ListExport.of("Assets",
            ExportColumn.text("Id", AssetView::id),
            ExportColumn.text("Name", AssetView::name),
            ExportColumn.text("Type", AssetView::type),
            ExportColumn.text("Title", AssetView::title),
            ExportColumn.text("Headline", AssetView::headline),
            ExportColumn.text("Tags", a -> String.join(", ", a.tags())),
            ExportColumn.text("Media type", a -> a.file() == null ? null : a.file().mimeType()),
            ExportColumn.count("Size (bytes)", a -> a.file() == null ? null : a.file().sizeBytes()),
            ExportColumn.count("Width", a -> a.file() == null ? null : a.file().width()),
            ExportColumn.count("Height", a -> a.file() == null ? null : a.file().height()),
            ExportColumn.text("Campaign id", AssetView::campaignId),
            ExportColumn.text("Space id", AssetView::spaceId),
            ExportColumn.text("Licence", a -> a.rights() == null ? null : a.rights().licence()),
            ExportColumn.date("Rights end", a -> a.rights() == null ? null : a.rights().expiresOn()),
            ExportColumn.count("Impressions", a -> a.performance() == null ? null : a.performance().impressions()),
            ExportColumn.count("Clicks", a -> a.performance() == null ? null : a.performance().clicks()),
            ExportColumn.count("Reused", AssetView::reusedCount),
            ExportColumn.text("Archived", a -> a.archived() ? "yes" : "no"),
            ExportColumn.moment("Created (UTC)", AssetView::createdAt),
            ExportColumn.moment("Updated (UTC)", AssetView::updatedAt));

    private final AssetSearch search;
    private final AssetLookup lookup;
    private final AssetSettingsService settings;
    private final ListExports exports;
    private final Clock clock;

    AssetExport(AssetSearch search, AssetLookup lookup, AssetSettingsService settings, ListExports exports,
            Clock clock) {
        this.search = search;
        this.lookup = lookup;
        this.settings = settings;
        this.exports = exports;
        this.clock = clock;
    }

    /** The search API's export: checks the format first (a 400 before anything is written), then streams the hits. */
    void send(HttpServletResponse response, String format, AssetSearchQuery query) throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        exports.send(response, chosen, COLUMNS, writer -> search.forEachHit(query, CHUNK, writer));
    }

    /** The library page's export: what the page lists, from the engine the page would ask. */
    void send(HttpServletResponse response, String format, AssetLibraryParams params) throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        if (params.fromIndex()) {
            exports.send(response, chosen, COLUMNS, writer -> search.forEachHit(params.searchQuery(), CHUNK, writer));
            return;
        }
        var filter = params.databaseFilter(LocalDate.now(clock), settings.current().similarityThreshold());
        exports.send(response, chosen, COLUMNS, ExportRows.paged(params.databaseOrder().sort(), page -> lookup.list(filter, page)));
    }
}
