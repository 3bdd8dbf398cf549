package io.flightdeck.assets.web;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.AssetType;
import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.AssetSearchQuery;
import io.flightdeck.shared.export.ExportFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The asset search's hits as a file, with the search's filters and order; any member may export them. */
@RestController
@Tag(name = "Campaign assets")
class AssetExportApiController {

    private final AssetExport export;

    AssetExportApiController(AssetExport export) {
        this.export = export;
    }

    @Operation(summary = "Every asset the search's words and filters find, as CSV or Excel (format=csv or xlsx), in the "
            + "search's order and past its paging window, streamed; cells that could start a spreadsheet formula are "
            + "written as text")
    @GetMapping(value = "/api/v1/campaign-assets/search/export", produces = {"text/csv", ExportFormat.XLSX_TYPE})
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) @Size(max = 500) String q,
            @RequestParam(required = false) Set<AssetType> type, @RequestParam(required = false) Set<String> tag,
            @RequestParam(required = false) Set<AdPlatform> platform, @RequestParam(required = false) UUID spaceId,
            @RequestParam(required = false) UUID campaignId, @RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam(required = false) Boolean archived, @RequestParam(required = false) String sort,
            HttpServletResponse response) throws IOException {
        AssetSearchQuery.Order order = AssetSearchApiController.order(sort);
        export.send(response, format, new AssetSearchQuery(q, type, tag, platform, spaceId, campaignId, name, archived,
                order));
    }
}
