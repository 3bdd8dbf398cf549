package io.flightdeck.assets.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.shared.export.Downloads;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.assets.imports.AssetImportView;
import io.flightdeck.assets.imports.AssetImports;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An import's pages: the import itself, whose status and tally update in place until it ends, then its error report
 * (also as CSV), and a space's imports. The steps before an import starts are {@link AssetImportWizardPagesController}.
 * <p>
 * The pages call {@link AssetImports} directly rather than the REST API, because the API's filter chain takes only
 * tokens and API keys, not the pages' session.
 */
@Controller
class AssetImportPagesController {

    static final int ERRORS_PER_PAGE = 50;
    static final int IMPORTS_PER_PAGE = 20;

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final AssetImports imports;
    private final CampaignSpaces spaces;
    private final CampaignDirectory campaigns;

    AssetImportPagesController(AssetImports imports, CampaignSpaces spaces, CampaignDirectory campaigns) {
        this.imports = imports;
        this.spaces = spaces;
        this.campaigns = campaigns;
    }

    /**
     * The import's page, or on htmx its state alone: what the page polls every second while the import waits or
     * runs. The answer for a finished import carries no polling, so the polling stops by itself.
     */
    @GetMapping("/imports/{id}")
    String run(@PathVariable UUID id, @RequestParam(required = false) Integer page, HttpServletRequest request,
            Model model) {
        AssetImportView run = imports.get(id);
        boolean finished = run.status().isFinished();
        model.addAttribute("run", run);
        model.addAttribute("polling", !finished);
        model.addAttribute("htmx", Htmx.isHtmx(request));
        if (finished) {
            // the report keeps file order; the number of its lines is capped by the import itself
            model.addAttribute("errors", imports.errors(id, Paging.of(page, ERRORS_PER_PAGE, Sort.by("lineNumber"))));
        }
        if (Htmx.isHtmx(request)) {
            return "assets/imports/import :: state";
        }
        // a space deleted for good takes its imports with it; until then the page names it, archived or not
        CampaignSpaceView space = spaces.findAll(List.of(run.spaceId())).get(run.spaceId());
        addSpace(model, space, campaigns);
        model.addAttribute("canImport", space != null && !space.archived()
                && AssetLibraryPagesController.can(Role.CONTRIBUTOR));
        return "assets/imports/import";
    }

    /** The error report as CSV, through the session (the API's own download wants a token). */
    @GetMapping("/imports/{id}/errors.csv")
    void errorsCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        AssetImportView run = imports.get(id); // not found before the answer starts
        String name = run.fileName().replaceFirst("(?i)\\.(csv|tsv|txt)$", "") + "-errors.csv";
        imports.writeErrorsCsv(id, Downloads.start(response, "text/csv;charset=UTF-8", name));
    }

    /** A space's imports, newest first; any member reads them. */
    @GetMapping("/spaces/{id}/imports")
    String list(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        CampaignSpaceView space = spaces.get(id);
        addSpace(model, space, campaigns);
        model.addAttribute("imports", imports.list(id, Paging.of(page, IMPORTS_PER_PAGE, NEWEST_FIRST)));
        model.addAttribute("canImport", !space.archived() && AssetLibraryPagesController.can(Role.CONTRIBUTOR));
        return "assets/imports/list";
    }

    /** The space an import page is about, and its campaign, for the heading and the way back. */
    static void addSpace(Model model, CampaignSpaceView space, CampaignDirectory campaigns) {
        model.addAttribute("space", space);
        model.addAttribute("campaign", space == null ? null : campaigns.find(space.campaignId()).orElse(null));
    }
}
