package io.flightdeck.email.web;

import java.util.UUID;

import io.flightdeck.assets.ImageLibrary;
import io.flightdeck.content.CreativeChoice;
import io.flightdeck.content.CreativeChoices;
import io.flightdeck.email.templates.EmailTemplateView;
import io.flightdeck.email.templates.TemplateInsertions;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a template can take from the rest of the workspace: its creatives (by title) and the asset library's images
 * (by name) to choose from, and the insertion of one into a template, saved like any change (If-Match, sanitised).
 * Everyone lists; contributors insert.
 */
@RestController
@RequestMapping("/api/v1/email/templates")
@Tag(name = "Email templates")
class TemplatePickersApiController {

    private final CreativeChoices creatives;
    private final ImageLibrary images;
    private final TemplateInsertions insertions;

    TemplatePickersApiController(CreativeChoices creatives, ImageLibrary images, TemplateInsertions insertions) {
        this.creatives = creatives;
        this.images = images;
        this.insertions = insertions;
    }

    record InsertCreativeRequest(@NotNull @Schema(description = "The creative whose headline, caption and call to "
            + "action go in", example = "0b9d7a4e-7c1f-4f43-9d1e-2f6a8f3c5b10") UUID creativeId) {
    }

    record InsertImageRequest(@NotNull @Schema(description = "An image of the asset library",
            example = "5e2f1c3a-8d4b-4a6e-9f0c-1b2d3e4f5a6b") UUID assetId,
            @Size(max = TemplateInsertions.MAX_ALT) @Schema(description = "What the image shows, for people who do not "
                    + "see it; the image's name when left out", example = "Our team at the spring fair") String alt) {
    }

    @Operation(summary = "The workspace's creatives to insert, by title (q), the most recently changed first")
    @GetMapping("/creative-choices")
    PageResponse<CreativeChoice> creativeChoices(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(creatives.search(q, Paging.of(page, size, Sort.unsorted())), c -> c);
    }

    @Operation(summary = "The asset library's images to insert, by name (q), newest first, each with the signed "
            + "address mail carries it by (shown by recipients' mail apps only under a public https address)")
    @GetMapping("/image-choices")
    PageResponse<TemplateImageChoice> imageChoices(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(images.images(q, Paging.of(page, size, Sort.unsorted())),
                a -> new TemplateImageChoice(a.id(), a.name(), a.width(), a.height(), a.previewPath(),
                        insertions.imageUrl(a.id())));
    }

    @Operation(summary = "Put a creative's headline, caption and call to action into the template before its "
            + "footer; 412 when it changed since it was read (If-Match), 409 for a built-in")
    @PostMapping("/{id}/insert-creative")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<EmailTemplateView> insertCreative(@PathVariable @Size(max = 60) String id,
            @Valid @RequestBody InsertCreativeRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        EmailTemplateView changed = insertions.insertCreative(id, body.creativeId(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @Operation(summary = "Put a library image into the template before its footer, by a signed address that mail "
            + "clients load without signing in (recipients see it once the installation has a public https address), "
            + "409 for a built-in")
    @PostMapping("/{id}/insert-image")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<EmailTemplateView> insertImage(@PathVariable @Size(max = 60) String id,
            @Valid @RequestBody InsertImageRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        EmailTemplateView changed = insertions.insertImage(id, body.assetId(), body.alt(),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }
}
