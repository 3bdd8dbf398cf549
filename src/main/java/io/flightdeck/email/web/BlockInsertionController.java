package io.flightdeck.email.web;

import java.util.UUID;

import io.flightdeck.email.sending.EmailCampaigns;
import io.flightdeck.email.templates.EmailTemplates;
import io.flightdeck.email.templates.TemplateInsertions;
import io.flightdeck.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The HTML of a creative or a library image that both block editors (a template's and an email campaign's) put in
 * place of a placeholder block. The editor's owner is looked up first, so another workspace's template or email is a
 * 404 even when the creative or image would be found.
 */
@Controller
class BlockInsertionController {

    private static final String BASE = "/email/{owner:templates|campaigns}/{id}/blocks/";

    private final EmailTemplates templates;
    private final EmailCampaigns emails;
    private final TemplateInsertions insertions;

    BlockInsertionController(EmailTemplates templates, EmailCampaigns emails, TemplateInsertions insertions) {
        this.templates = templates;
        this.emails = emails;
        this.insertions = insertions;
    }

    @GetMapping(value = BASE + "creative", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<String> creativeBlock(@PathVariable String owner, @PathVariable String id,
            @RequestParam String creativeId) {
        editorOf(owner, id);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(insertions.creativeBlock(uuid(creativeId)));
    }

    @GetMapping(value = BASE + "image", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<String> imageBlock(@PathVariable String owner, @PathVariable String id, @RequestParam String assetId,
            @RequestParam(required = false) String alt) {
        editorOf(owner, id);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(insertions.imageBlock(uuid(assetId), alt));
    }

    /** Throws not found unless the template or email exists in this workspace. */
    private void editorOf(String owner, String id) {
        if ("templates".equals(owner)) {
            templates.get(id);
        } else {
            emails.get(uuid(id));
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Item");
        }
    }
}
