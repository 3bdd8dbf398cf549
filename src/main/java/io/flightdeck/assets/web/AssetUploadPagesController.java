package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import io.flightdeck.assets.domain.AssetUpload;
import io.flightdeck.assets.domain.AssetUploads;
import io.flightdeck.assets.domain.UploadResult;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages' upload: one file per request, as multipart, from {@code assets.js} with the session and its CSRF header.
 * The API's chain takes only Bearer tokens and API keys, so the pages cannot call {@code /api/v1/campaign-assets}
 * themselves; this answers the same {@link UploadResult} (201 new, 200 duplicate) and, being a REST controller, the
 * same problem documents (413 with {@code limitBytes}, 400 with the field, 404, 409).
 */
@RestController
class AssetUploadPagesController {

    private final AssetUploads uploads;

    AssetUploadPagesController(AssetUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/assets/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<UploadResult> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(name = "spaceId", required = false) UUID spaceId,
            @RequestParam(name = "campaignId", required = false) UUID campaignId) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "must be a non-empty file");
        }
        uploads.checkDeclaredSize(file.getSize());
        try (InputStream content = file.getInputStream()) {
            UploadResult result = uploads.upload(new AssetUpload(spaceId, campaignId, null, null, null, null, null, false),
                    file.getOriginalFilename(), content);
            return result.duplicate() ? ResponseEntity.ok(result) : ResponseEntity.status(201).body(result);
        }
    }
}
