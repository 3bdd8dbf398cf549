package io.flightdeck.rendering.web;

import java.util.List;
import java.util.Map;

import io.flightdeck.rendering.builtin.RenderTemplateView;
import io.flightdeck.rendering.builtin.RenderTemplates;
import io.flightdeck.rendering.builtin.TemplatePreviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    /** A small template: a coloured canvas, the headline, and the call to action on a rounded button. */
    static final String EXAMPLE = """
            {"name": "Sale banner", "background": "{brand.primary}", "layers": [
              {"name": "headline", "type": "TEXT", "box": {"x": 0.08, "y": 0.15, "width": 0.84, "height": 0.45},
               "text": "{headline}", "font": "heading", "bold": true, "color": "#FFFFFF", "minSize": 0.03, "maxSize": 0.1},
              {"name": "cta-button", "type": "SHAPE", "box": {"x": 0.08, "y": 0.72, "width": 0.5, "height": 0.12},
               "color": "{brand.accent}", "cornerRadius": 0.5},
              {"name": "cta", "type": "TEXT", "box": {"x": 0.1, "y": 0.74, "width": 0.46, "height": 0.08},
               "text": "{cta}", "font": "body", "bold": true, "color": "#111827", "minSize": 0.015, "maxSize": 0.045,
               "align": "center"}]}""";

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
            + "built-in one; checked layer by layer (400 names each problem); the key comes from the path when the "
            + "body has none")
    @PutMapping("/{key}")
    @PreAuthorize("hasRole('MANAGER')")
    RenderTemplateView save(@PathVariable String key, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "banner", value = EXAMPLE)))
            @RequestBody Map<String, Object> template) {
        return templates.save(key, template);
    }

    @Operation(summary = "Remove the workspace's version (managers): a built-in template goes back to how it ships")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{key}")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<Void> delete(@PathVariable String key) {
        templates.delete(key);
        return ResponseEntity.noContent().build();
    }
}
