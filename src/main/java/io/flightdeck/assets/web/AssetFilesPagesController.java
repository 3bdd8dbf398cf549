package io.flightdeck.assets.web;

import java.io.IOException;
import java.util.UUID;

import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.domain.AssetFile;
import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.assets.domain.AssetView;
import io.flightdeck.assets.domain.NearDuplicates;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import jakarta.validation.constraints.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages' side of an asset's file: the file and its renditions for the signed-in member (thumbnails in the grid,
 * the preview, the download button), and the "Looks similar" section with its "Not a duplicate" action.
 */
@Controller
class AssetFilesPagesController {

    private final AssetLookup lookup;
    private final NearDuplicates nearDuplicates;
    private final BlobStore store;

    AssetFilesPagesController(AssetLookup lookup, NearDuplicates nearDuplicates, BlobStore store) {
        this.lookup = lookup;
        this.nearDuplicates = nearDuplicates;
        this.store = store;
    }

    @GetMapping("/assets/{id}/content")
    ResponseEntity<Resource> content(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download,
            @RequestHeader HttpHeaders headers) throws IOException {
        AssetFile file = lookup.file(id, null);
        return BlobResponses.stream(store, file.key(), file.downloadName(), file.mimeType(), download, headers);
    }

    @GetMapping("/assets/{id}/renditions/{rendition}")
    ResponseEntity<Resource> rendition(@PathVariable UUID id,
            @PathVariable @Pattern(regexp = "thumb-small|thumb-large|poster") String rendition,
            @RequestHeader HttpHeaders headers) throws IOException {
        AssetFile file = lookup.file(id, rendition);
        return BlobResponses.stream(store, file.key(), file.downloadName(), file.mimeType(), false, headers);
    }

    /** The section alone: while the image is still being measured it asks again shortly. */
    @GetMapping("/assets/{id}/similar")
    String similar(@PathVariable UUID id, Model model) {
        AssetView asset = lookup.get(id);
        model.addAttribute("asset", asset);
        model.addAttribute("similar", nearDuplicates.similarTo(id));
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        return "assets/fragments/similar :: similar";
    }

    @PostMapping("/assets/{id}/similar/{otherId}/dismiss")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String dismiss(@PathVariable UUID id, @PathVariable UUID otherId, Model model) {
        nearDuplicates.dismiss(id, otherId);
        return similar(id, model);
    }
}
