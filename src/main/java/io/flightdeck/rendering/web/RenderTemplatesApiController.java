package io.flightdeck.rendering.web;

import java.util.List;
import java.util.Map;

import io.flightdeck.rendering.builtin.RenderTemplateView;
import io.flightdeck.rendering.builtin.RenderTemplates;
import io.flightdeck.rendering.builtin.TemplatePreviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The built-in image renderer's layout templates under {@code /api/v1/render-templates}: data a workspace edits. */
@RestController
@RequestMapping("/api/v1/render-templates")
@Tag(name = "Render templates")
class RenderTemplatesApiController {

    private final RenderTemplates templates;

    RenderTemplatesApiController(RenderTemplates templates) {
        this.templates = templates;
    }

    @Operation(summary = "The workspace's layout templates: the built-in ones (or its saved versions of them) and its own")
    @GetMapping
    List<RenderTemplateView> list() {
        return templates.list();
    }

    @Operation(summary = "One layout template")
    @GetMapping("/{key}")
    RenderTemplateView get(@PathVariable String key) {
        return templates.require(key);
    }

    @Operation(summary = "The template drawn with sample words at a size (1080x1080, 1080x1350, 1200x628, 1080x1920), as PNG")
    @GetMapping(path = "/{key}/preview", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> preview(@PathVariable String key, @RequestParam(defaultValue = "1080x1080") String size) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(TemplatePreviews.png(templates.require(key).template(), size));
    }

    @Operation(summary = "Save the workspace's version of a template (managers): a new one, or its own version of a "
            + "built-in one; checked layer by layer (400 names each problem)")
    @PutMapping("/{key}")
    @PreAuthorize("hasRole('MANAGER')")
    RenderTemplateView save(@PathVariable String key, @RequestBody Map<String, Object> template) {
        return templates.save(key, template);
    }

    @Operation(summary = "Remove the workspace's version (managers): a built-in template goes back to how it ships")
    @DeleteMapping("/{key}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> delete(@PathVariable String key) {
        templates.delete(key);
        return ResponseEntity.noContent().build();
    }
}
