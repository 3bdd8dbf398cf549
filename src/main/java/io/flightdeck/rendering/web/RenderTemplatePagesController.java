package io.flightdeck.rendering.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.rendering.builtin.RenderTemplateView;
import io.flightdeck.rendering.builtin.RenderTemplates;
import io.flightdeck.rendering.builtin.TemplatePreviews;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Layout templates in settings: the list with previews, and the JSON editor with a preview at every size. */
@Controller
class RenderTemplatePagesController {

    private final RenderTemplates templates;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    RenderTemplatePagesController(RenderTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/settings/render-templates")
    String list(Model model) {
        if (!model.containsAttribute("newErrors")) {
            model.addAttribute("newErrors", Map.of());
        }
        model.addAttribute("templates", templates.list());
        model.addAttribute("canEdit", RenderPagesController.can(Role.MANAGER));
        return "rendering/templates";
    }

    @GetMapping("/settings/render-templates/{key}")
    String edit(@PathVariable String key, Model model) {
        RenderTemplateView view = templates.require(key);
        return editor(model, view, json.writeValueAsString(view.template()), null);
    }

    @GetMapping(path = "/settings/render-templates/{key}/preview.png")
    ResponseEntity<byte[]> preview(@PathVariable String key, @RequestParam(defaultValue = "1080x1080") String size) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(TemplatePreviews.png(templates.require(key).template(), size));
    }

    @PostMapping("/settings/render-templates/{key}")
    @PreAuthorize("hasRole('MANAGER')")
    String save(@PathVariable String key, @RequestParam String definition, Model model, RedirectAttributes redirect) {
        try {
            Map<String, Object> parsed = json.readValue(definition, new TypeReference<Map<String, Object>>() { });
            templates.save(key, parsed);
        } catch (InvalidInputException e) {
            return editor(model, templates.find(key).orElse(null), definition, e.getMessage());
        } catch (RuntimeException e) {
            return editor(model, templates.find(key).orElse(null), definition, "This is not valid JSON: "
                    + firstLine(e.getMessage()));
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Template saved."));
        return "redirect:/settings/render-templates/" + key;
    }

    /**
     * A new template of the workspace's own: a copy of another under a new key, to edit from there. A refusal comes
     * back on the list with the key as typed and every problem beside its field.
     */
    @PostMapping("/settings/render-templates")
    @PreAuthorize("hasRole('MANAGER')")
    String create(@RequestParam(required = false) String key, @RequestParam(required = false) String copyOf,
            Model model) {
        String k = key == null ? "" : key.strip().toLowerCase();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!RenderTemplates.validKey(k)) {
            errors.put("key", "must be 3 to 60 lower-case letters, digits and dashes, not starting or ending with a dash");
        } else if (templates.find(k).isPresent()) {
            errors.put("key", "is taken by another template; pick another");
        }
        RenderTemplateView source = copyOf == null ? null : templates.find(copyOf).orElse(null);
        if (source == null) {
            errors.put("copyOf", "must be one of the templates listed");
        }
        if (errors.isEmpty()) {
            Map<String, Object> copy = json.convertValue(source.template(), new TypeReference<Map<String, Object>>() { });
            copy.put("key", k);
            copy.put("name", "Copy of " + copy.get("name"));
            try {
                templates.save(k, copy);
                return "redirect:/settings/render-templates/" + k;
            } catch (InvalidInputException e) {
                FormErrors.of(e).forEach(errors::putIfAbsent);
            }
        }
        model.addAttribute("newKey", key);
        model.addAttribute("newCopyOf", copyOf);
        model.addAttribute("newErrors", errors);
        return list(model);
    }

    @PostMapping("/settings/render-templates/{key}/revert")
    @PreAuthorize("hasRole('MANAGER')")
    String revert(@PathVariable String key, RedirectAttributes redirect) {
        boolean builtIn = templates.require(key).builtIn();
        try {
            templates.delete(key);
        } catch (NotFoundException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("This template has no saved version to remove."));
            return "redirect:/settings/render-templates/" + key;
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success(builtIn ? "Back to the built-in template." : "Template deleted."));
        return builtIn ? "redirect:/settings/render-templates/" + key : "redirect:/settings/render-templates";
    }

    private String editor(Model model, RenderTemplateView view, String definition, String error) {
        if (view == null) {
            throw new NotFoundException("Layout template");
        }
        model.addAttribute("template", view);
        model.addAttribute("definition", definition);
        model.addAttribute("error", error);
        model.addAttribute("sizes", TemplatePreviews.sizes());
        model.addAttribute("fontNotes", TemplatePreviews.fontNotes(view.template()));
        model.addAttribute("bundledFonts", TemplatePreviews.bundledFonts());
        model.addAttribute("canEdit", RenderPagesController.can(Role.MANAGER));
        return "rendering/template";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int n = s.indexOf('\n');
        return n > 0 ? s.substring(0, n) : s;
    }
}
