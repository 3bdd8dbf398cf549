package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetSettingsService;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.domain.CampaignSpaces;
import io.flightdeck.assets.imports.AssetImportView;
import io.flightdeck.assets.imports.AssetImports;
import io.flightdeck.assets.imports.ImportKind;
import io.flightdeck.assets.imports.ImportMode;
import io.flightdeck.assets.imports.ImportPreview;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.files.FileChunks;
import io.flightdeck.shared.web.Flash;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static io.flightdeck.assets.web.AssetImportPagesController.addSpace;

/**
 * The CSV import wizard of a campaign space, up to the import's start: (1) the file and what it holds, its format and
 * the mode, (2) a preview of the first rows as the import would read them, written nowhere, then Start or Cancel.
 * The import's own page is {@link AssetImportPagesController}.
 * <p>
 * The pages call {@link AssetImports} directly rather than the REST API, because the API's filter chain takes only
 * tokens and API keys, not the pages' session. Steps 1 and 2 post plain forms (a file input needs no script) and
 * redirect, so that reloading the preview or the import page never sends the file again. The chosen file waits in
 * the database ({@link ImportWizardFiles}), so each step may reach any node.
 */
@Controller
class AssetImportWizardPagesController {

    /** The fields of a performance import (the import's own names), for {@link #figuresLeftOut}. */
    private static final Set<String> FIGURES = Set.of("DAY", "IMPRESSIONS", "CLICKS", "CONVERSIONS",
            "SPEND", "REVENUE");
    private static final String NO_LONGER_KEPT = "The file chosen earlier is no longer kept (a file waits an hour for "
            + "its import). Choose it again.";

    private final AssetImports imports;
    private final CampaignSpaces spaces;
    private final CampaignDirectory campaigns;
    private final AssetLookup lookup;
    private final AssetSettingsService settings;
    private final ImportWizardFiles files;
    private final AssetDisplay display;
    private final ImportDisplay words;

    AssetImportWizardPagesController(AssetImports imports, CampaignSpaces spaces, CampaignDirectory campaigns,
            AssetLookup lookup, AssetSettingsService settings, ImportWizardFiles files, AssetDisplay display,
            ImportDisplay words) {
        this.imports = imports;
        this.spaces = spaces;
        this.campaigns = campaigns;
        this.lookup = lookup;
        this.settings = settings;
        this.files = files;
        this.display = display;
        this.words = words;
    }

    // ---- step 1: the file and the choices ------------------------------------------------------------------------

    /** The first step; with the token of a kept file (Back from the preview), its choices and no second upload. */
    @GetMapping("/spaces/{id}/imports/new")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String choose(@PathVariable UUID id, @RequestParam(required = false) String token, HttpSession session,
            Model model) {
        CampaignSpaceView space = openSpace(id);
        PendingImport kept = waiting(session, token, id);
        return choosePage(model, space, kept == null ? AssetImportForm.defaults() : AssetImportForm.of(kept), kept, null);
    }

    /**
     * Keeps the chosen file (or the kept one with new choices) and reads its first rows; a file that cannot be
     * imported is answered on the first step with the reason beside the file field, and anything else leads on to the
     * preview. Choices come as plain parameters: a browser only sends the radio values the page offers, and a
     * hand-made value is a 400 page, never a 500.
     */
    @PostMapping("/spaces/{id}/imports/preview")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String keep(@PathVariable UUID id, @RequestParam(required = false) ImportKind kind,
            @RequestParam(required = false) ImportFormatChoice format, @RequestParam(required = false) ImportMode mode,
            @RequestParam(required = false) String token, @RequestParam(name = "file", required = false) MultipartFile file,
            HttpSession session, Model model) throws IOException {
        CampaignSpaceView space = openSpace(id);
        AssetImportForm form = new AssetImportForm(kind, format, mode, token).completed();
        PendingImport kept = waiting(session, form.token(), id);
        boolean chosen = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
        if (!chosen && kept == null) {
            return choosePage(model, space, form, null, form.token() == null ? "Choose a CSV file to import."
                    : NO_LONGER_KEPT);
        }
        if (chosen) {
            long maxBytes = settings.current().maxUploadBytes();
            String problem = ImportFileCheck.problem(file, maxBytes, display);
            if (problem != null) {
                return choosePage(model, space, form, kept, problem);
            }
            if (kept != null) {
                files.discard(session, kept.token());
            }
            kept = files.keep(session, id, file, maxBytes, form.kind(), form.format(), form.mode());
        } else {
            kept = files.update(session, kept.withChoices(form.kind(), form.format(), form.mode()));
        }
        try {
            requireRows(kept, read(id, kept));
        } catch (InvalidInputException e) {
            if (chosen) {
                // a new file that cannot be imported is not kept; a kept one stays for other choices
                files.discard(session, kept.token());
                return choosePage(model, space, form, null, e.getMessage());
            }
            return choosePage(model, space, AssetImportForm.of(kept), kept, e.getMessage());
        } catch (FileChunks.Gone e) {
            return choosePage(model, space, form, null, NO_LONGER_KEPT); // its hour ran out while it was read
        }
        return "redirect:/spaces/" + id + "/imports/preview/" + kept.token();
    }

    // ---- step 2: the preview, and the start -------------------------------------------------------------------------------------

    /** The first rows as the import would read them; read again from the kept file on every visit, writing nothing. */
    @GetMapping("/spaces/{id}/imports/preview/{token}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String preview(@PathVariable UUID id, @PathVariable String token, HttpSession session, Model model,
            RedirectAttributes redirect) throws IOException {
        CampaignSpaceView space = openSpace(id);
        Optional<PendingImport> found = files.find(session, token, id);
        if (found.isEmpty()) {
            return notKept(id, redirect);
        }
        PendingImport kept = found.get();
        if (kept.started()) {
            return "redirect:/imports/" + kept.importId();
        }
        ImportPreview preview;
        try {
            preview = read(id, kept);
        } catch (InvalidInputException e) {
            return choosePage(model, space, AssetImportForm.of(kept), kept, e.getMessage());
        } catch (FileChunks.Gone e) {
            return notKept(id, redirect); // its hour ran out while it was read
        }
        ImportPreviewTable table = ImportPreviewTable.of(preview,
                lookup.names(ImportPreviewTable.assetIds(preview)), display);
        addSpace(model, space, campaigns);
        model.addAttribute("kept", kept);
        model.addAttribute("preview", preview);
        model.addAttribute("table", table);
        model.addAttribute("formatMatches", kept.format().accepts(preview.format()));
        model.addAttribute("figuresLeftOut", figuresLeftOut(preview));
        return "assets/imports/preview";
    }

    /**
     * Starts the import from the kept file; the import stores its own copy, so the kept one goes. Start clicked twice
     * (or the form sent again) leads to the same import.
     */
    @PostMapping("/spaces/{id}/imports")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String start(@PathVariable UUID id, @RequestParam(required = false) String token, HttpSession session,
            RedirectAttributes redirect) throws IOException {
        spaces.get(id); // another workspace's space is not found, whatever the token
        Optional<PendingImport> found = files.find(session, token, id);
        if (found.isEmpty()) {
            return notKept(id, redirect);
        }
        PendingImport kept = found.get();
        if (kept.started()) {
            return "redirect:/imports/" + kept.importId();
        }
        try {
            // the format check again: the page offers no Start on a mismatch, and a hand-made request skips no check
            ImportPreview preview = read(id, kept);
            if (!kept.format().accepts(preview.format())) {
                throw new InvalidInputException("format", "The file reads as a " + words.format(preview.format()) + ", not a "
                        + kept.format().label() + ".");
            }
            AssetImportView started;
            try (InputStream content = files.open(kept)) {
                started = imports.start(id, kept.kind(), kept.mode(), kept.fileName(), content);
            }
            files.started(session, kept, started.id());
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Importing “" + started.fileName() + "”"));
            return "redirect:/imports/" + started.id();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("The import did not start: " + e.getMessage()));
        } catch (PayloadTooLargeException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("The import did not start: the file is larger than "
                    + "this workspace takes (" + display.size(e.limitBytes()) + ")."));
        } catch (FileChunks.Gone e) {
            return notKept(id, redirect); // its hour ran out while it was read: nothing started
        }
        return "redirect:/spaces/" + id + "/imports/preview/" + kept.token();
    }

    /** Cancel on the preview: the kept file goes and nothing was written. */
    @PostMapping("/spaces/{id}/imports/preview/{token}/cancel")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String cancel(@PathVariable UUID id, @PathVariable String token, HttpSession session, RedirectAttributes redirect) {
        spaces.get(id);
        files.find(session, token, id).ifPresent(kept -> files.discard(session, kept.token()));
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Import cancelled; nothing was written"));
        return "redirect:/spaces/" + id;
    }

    /** A space that takes imports: this workspace's (else not found) and not archived (else the conflict page). */
    private CampaignSpaceView openSpace(UUID id) {
        CampaignSpaceView space = spaces.get(id);
        if (space.archived()) {
            throw new ConflictException("space-archived", "The campaign space is archived; restore it before importing "
                    + "into it.");
        }
        return space;
    }

    /** The session's kept file of this token and space whose import has not started yet, or null. */
    private PendingImport waiting(HttpSession session, String token, UUID spaceId) {
        return files.find(session, token, spaceId).filter(kept -> !kept.started()).orElse(null);
    }

    private ImportPreview read(UUID spaceId, PendingImport kept) throws IOException {
        try (InputStream content = files.open(kept)) {
            return imports.preview(spaceId, kept.kind(), content);
        }
    }

    /**
     * The file's performance columns when it is imported as asset details, which leave them out: the likeliest slip
     * on the first step, and a file of figures imported as details would write no figure at all.
     */
    private List<String> figuresLeftOut(ImportPreview preview) {
        if (preview.kind() != ImportKind.METADATA) {
            return List.of();
        }
        return preview.columns().stream().filter(c -> FIGURES.contains(c.field())).map(ImportPreview.Column::column).toList();
    }

    /** A header and nothing under it would start an import of nothing; say so on the first step instead. */
    private static void requireRows(PendingImport kept, ImportPreview preview) {
        if (preview.rows().isEmpty()) {
            throw new InvalidInputException("file", "“" + kept.fileName() + "” has a header row but no data rows.");
        }
    }

    private String notKept(UUID spaceId, RedirectAttributes redirect) {
        redirect.addFlashAttribute(Flash.KEY, Flash.error("That file is no longer kept (a chosen file waits an hour "
                + "for its import). Choose it again."));
        return "redirect:/spaces/" + spaceId + "/imports/new";
    }

    private String choosePage(Model model, CampaignSpaceView space, AssetImportForm form, PendingImport kept,
            String fileProblem) {
        addSpace(model, space, campaigns);
        model.addAttribute("form", form);
        model.addAttribute("kept", kept);
        model.addAttribute("fileProblem", fileProblem);
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("formats", ImportFormatChoice.values());
        model.addAttribute("modes", ImportMode.values());
        model.addAttribute("maxUploadBytes", settings.current().maxUploadBytes());
        return "assets/imports/new";
    }
}
