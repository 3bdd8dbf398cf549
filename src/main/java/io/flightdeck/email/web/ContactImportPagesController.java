package io.flightdeck.email.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactBatches;
import io.flightdeck.shared.export.Downloads;
import io.flightdeck.email.contacts.EmailLists;
import io.flightdeck.email.imports.ContactImportColumn;
import io.flightdeck.email.imports.ContactImportField;
import io.flightdeck.email.imports.ContactImportView;
import io.flightdeck.email.imports.ContactImports;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.PayloadTooLargeException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact import wizard: choose a file (stored, nothing imported), check its first rows and map its columns, say
 * where its consent came from, start it, and watch it run (the state polls itself every second until it ends) with
 * its error report and a download of it.
 */
@Controller
class ContactImportPagesController {

    private static final int ERRORS_PER_PAGE = 50;

    private final ContactImports imports;
    private final EmailLists lists;

    ContactImportPagesController(ContactImports imports, EmailLists lists) {
        this.imports = imports;
        this.lists = lists;
    }

    @GetMapping("/email/imports/new")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String choose(Model model) {
        return choosePage(model, null);
    }

    @PostMapping("/email/imports")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String upload(@RequestParam(required = false) MultipartFile file, HttpServletResponse response, Model model)
            throws IOException {
        String problem = null;
        if (file == null || file.isEmpty()) {
            problem = "Choose a CSV file with a header row and at least one contact.";
        } else if (file.getSize() > imports.maxBytes()) {
            problem = "The file is larger than an import takes (" + imports.maxBytes() / (1024 * 1024) + " MB); "
                    + "split it into smaller files.";
        } else {
            try (InputStream content = file.getInputStream()) {
                return "redirect:/email/imports/" + imports.upload(file.getOriginalFilename(), content).id();
            } catch (InvalidInputException | PayloadTooLargeException e) {
                problem = e.getMessage();
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return choosePage(model, problem);
    }

    /** The import's page; on htmx its state alone, which polls itself while the import waits or runs. */
    @GetMapping("/email/imports/{id}")
    String page(@PathVariable UUID id, @RequestParam(required = false) Integer page, HttpServletRequest request,
            Model model) throws IOException {
        ContactImportView run = imports.get(id);
        if (run.status().name().equals("UPLOADED") && !Htmx.isHtmx(request)) {
            return mappingPage(id, model, Map.of(), null);
        }
        model.addAttribute("run", run);
        model.addAttribute("polling", run.status().isRunning());
        model.addAttribute("htmx", Htmx.isHtmx(request));
        if (run.status().isFinished()) {
            model.addAttribute("errors", imports.errors(id, Paging.of(page, ERRORS_PER_PAGE, Sort.by("lineNumber"))));
        }
        model.addAttribute("listName", run.listId() == null ? null : lists.get(run.listId()).name());
        return Htmx.view(request, "email/contact-import", "state");
    }

    @PostMapping("/email/imports/{id}/start")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String start(@PathVariable UUID id, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) throws IOException {
        ContactImportView upload = imports.get(id);
        List<ContactImportColumn> mapping = new ArrayList<>();
        for (int i = 0; i < upload.columns().size(); i++) {
            ContactImportField field = field(form.get("field" + i));
            mapping.add(new ContactImportColumn(i, field, form.get("key" + i)));
        }
        UUID listId = null;
        Map<String, String> errors = new LinkedHashMap<>();
        String list = form.getOrDefault("listId", "");
        if (!list.isBlank()) {
            try {
                listId = UUID.fromString(list);
            } catch (IllegalArgumentException e) {
                errors.put("listId", "Not a list of this workspace");
            }
        }
        ContactBatches.Existing existing = "UPDATE".equals(form.get("existing")) ? ContactBatches.Existing.UPDATE
                : ContactBatches.Existing.SKIP;
        if (errors.isEmpty()) {
            try {
                imports.start(id, new ContactImports.Start(mapping, form.get("consentEvidence"), listId, existing));
                redirect.addFlashAttribute(Flash.KEY, Flash.success("Import started"));
                return "redirect:/email/imports/" + id;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.putIfAbsent(p.field() == null ? "mapping" : p.field(), p.message()));
            } catch (ConflictException e) {
                return "redirect:/email/imports/" + id; // started already (a second click): its page shows how
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return mappingPage(id, model, errors, new Chosen(mapping, form.get("consentEvidence"), list, existing.name()));
    }

    /** The error report as CSV, through the session (the API's own download wants a token). */
    @GetMapping("/email/imports/{id}/errors.csv")
    void errorsCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        ContactImportView run = imports.get(id); // not found before the answer starts
        String name = run.fileName().replaceFirst("(?i)\\.(csv|txt)$", "") + "-errors.csv";
        imports.writeErrorsCsv(id, Downloads.start(response, "text/csv;charset=UTF-8", name));
    }

    /** What was chosen in a refused form, to show again. */
    private record Chosen(List<ContactImportColumn> mapping, String consentEvidence, String listId, String existing) {
    }

    private String choosePage(Model model, String problem) {
        model.addAttribute("problem", problem);
        model.addAttribute("maxMegabytes", imports.maxBytes() / (1024 * 1024));
        model.addAttribute("recent", imports.list(Paging.of(0, 10, Sort.by(Sort.Order.desc("createdAt")))));
        return "email/contact-import-new";
    }

    private String mappingPage(UUID id, Model model, Map<String, String> errors, Chosen chosen) throws IOException {
        ContactImports.ContactImportPreview preview = imports.preview(id);
        List<ContactImportColumn> mapping = chosen != null ? chosen.mapping() : preview.mapping();
        List<String> header = preview.upload().columns();
        List<ContactImportFormColumn> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            ContactImportColumn mapped = mapping.stream().filter(c -> c.index() == index).findFirst().orElse(null);
            List<String> samples = preview.rows().stream().limit(3).map(r -> r.cells().get(index))
                    .filter(s -> !s.isBlank()).toList();
            String error = errors.entrySet().stream().filter(e -> e.getKey().startsWith("mapping[" + index + "]"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            columns.add(new ContactImportFormColumn(i, header.get(i), mapped == null || mapped.field() == null
                    ? "IGNORE" : mapped.field().name(), mapped == null || mapped.key() == null ? "" : mapped.key(),
                    samples, error));
        }
        model.addAttribute("upload", preview.upload());
        model.addAttribute("preview", preview);
        model.addAttribute("columns", columns);
        model.addAttribute("errors", errors);
        model.addAttribute("consentEvidence", chosen == null || chosen.consentEvidence() == null ? ""
                : chosen.consentEvidence());
        model.addAttribute("listId", chosen == null ? "" : chosen.listId());
        model.addAttribute("existing", chosen == null ? "SKIP" : chosen.existing());
        model.addAttribute("lists", lists.page(Paging.of(0, Paging.MAX_SIZE, Sort.by("nameKey", "id"))).getContent());
        model.addAttribute("canStart", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        return "email/contact-import-mapping";
    }

    private static ContactImportField field(String value) {
        try {
            return value == null || value.isBlank() ? ContactImportField.IGNORE : ContactImportField.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null; // the mapping's check names the column
        }
    }
}
