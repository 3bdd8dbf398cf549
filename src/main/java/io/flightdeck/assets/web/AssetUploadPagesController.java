package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import io.flightdeck.assets.domain.AssetUpload;
import io.flightdeck.assets.domain.AssetUploads;
import io.flightdeck.assets.domain.UploadResult;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    /** What the upload page asks before sending a large file: the file's SHA-256, its name, and where it goes. */
    record PageByHashRequest(String sha256, String fileName, UUID spaceId, UUID campaignId) {
    }

    /**
     * Ask first: when the workspace already has these bytes, the asset is registered (or the existing one linked) and
     * nothing needs sending, as with the API's {@code /by-hash}; otherwise 404 {@code content-unknown} and the page
     * uploads the file. Another workspace's bytes are unknown here.
     */
    @PostMapping(path = "/assets/uploads/by-hash", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> byHash(@RequestBody PageByHashRequest request, HttpServletRequest http) {
        if (request.sha256() == null) {
            throw new InvalidInputException("sha256", "must not be null");
        }
        if (request.fileName() == null || request.fileName().isBlank()) {
            throw new InvalidInputException("fileName", "must not be blank");
        }
        UploadResult result = uploads.uploadKnownContent(new AssetUpload(request.spaceId(), request.campaignId(), null,
                null, null, null, null, false), request.fileName(), request.sha256());
        if (result == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.NOT_FOUND, "content-unknown", "Content unknown",
                            "This workspace does not have these bytes yet; upload the file.", http.getRequestURI()));
        }
        return result.duplicate() ? ResponseEntity.ok(result) : ResponseEntity.status(201).body(result);
    }
}
