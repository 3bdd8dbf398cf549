package io.flightdeck.assets.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AdPlatform;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The library page's Export CSV and Export Excel, signed in by the session: the page's own filters and order (read as
 * leniently as the page reads them), so the file holds what the page lists.
 */
@Controller
class AssetExportPagesController {

    private final AssetExport export;

    AssetExportPagesController(AssetExport export) {
        this.export = export;
    }

    @GetMapping("/assets/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<AssetType> type, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) List<AdPlatform> platform, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) UUID spaceId, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean expiring,
            @RequestParam(defaultValue = "false") boolean nearDuplicates, HttpServletResponse response)
            throws IOException {
        export.send(response, format, new AssetLibraryParams(null, q, type, tag, platform, campaignId, spaceId, archived,
                AssetLibrarySort.parse(sort), expiring, nearDuplicates));
    }
}
