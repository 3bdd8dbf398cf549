package io.flightdeck.assets.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.storage.SignedUrlProperties;
import io.flightdeck.assets.domain.AssetFile;
import io.flightdeck.assets.domain.AssetLookup;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.ReadOnlyOperation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An asset's stored file over the API: the file itself, its renditions, and a short-lived signed link to it. The
 * operation ids stay those of {@link AssetsApiController}, where these lived, so that generated clients keep their
 * names.
 */
@RestController
@RequestMapping("/api/v1/campaign-assets")
@Tag(name = "Campaign assets")
class AssetFilesApiController {

    private final AssetLookup lookup;
    private final BlobStore store;
    private final SignedUrlProperties signedUrls;
    private final Clock clock;

    AssetFilesApiController(AssetLookup lookup, BlobStore store, SignedUrlProperties signedUrls, Clock clock) {
        this.lookup = lookup;
        this.store = store;
        this.signedUrls = signedUrls;
        this.clock = clock;
    }

    @Operation(summary = "Download an asset's file (any member): streamed with its recorded type and name, one Range "
            + "honoured (206), ETag of its SHA-256; shown inline only for types that cannot run in a browser",
            operationId = "assets_content")
    @ApiResponse(responseCode = "200", description = "The whole file, as its own type", content = @Content(
            mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The one range asked for, with its Content-Range",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match",
            content = @Content)
    @GetMapping("/{id}/content")
    ResponseEntity<Resource> content(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean download,
            @RequestHeader HttpHeaders headers) throws IOException {
        AssetFile file = lookup.file(id, null);
        return BlobResponses.stream(store, file.key(), file.downloadName(), file.mimeType(), download, headers);
    }

    @Operation(summary = "A rendition the derived-data job made: thumb-small (320 px), thumb-large (1280 px) or poster "
            + "(a video's frame); 404 until it exists",
            operationId = "assets_rendition")
    @ApiResponse(responseCode = "200", description = "The whole file, as its own type", content = @Content(
            mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The one range asked for, with its Content-Range",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match",
            content = @Content)
    @GetMapping("/{id}/renditions/{rendition}")
    ResponseEntity<Resource> rendition(@PathVariable UUID id,
            @PathVariable @Pattern(regexp = "thumb-small|thumb-large|poster") String rendition,
            @RequestHeader HttpHeaders headers) throws IOException {
        AssetFile file = lookup.file(id, rendition);
        return BlobResponses.stream(store, file.key(), file.downloadName(), file.mimeType(), false, headers);
    }

    /** A signed link to an asset's file. */
    record AssetSignedUrl(URI url, java.time.Instant expiresAt) {
    }

    @Operation(summary = "A short-lived signed URL to the asset's file (any member): whoever holds it can download that "
            + "one file without signing in until it expires (default 10 minutes, at most 60); a bearer capability for "
            + "sharing and for renderers and channels", description = "minutes: 1 to 60",
            operationId = "assets_signedUrl")
    @PostMapping("/{id}/signed-url")
    @ReadOnlyOperation
    AssetSignedUrl signedUrl(@PathVariable UUID id, @RequestParam(required = false) Integer minutes) {
        Duration ttl = minutes == null ? signedUrls.signedUrlTtl() : Duration.ofMinutes(minutes);
        if (minutes != null && (minutes < 1 || ttl.compareTo(BlobStore.MAX_SIGNED_URL_TTL) > 0)) {
            throw new InvalidInputException("minutes", "must be between 1 and " + BlobStore.MAX_SIGNED_URL_TTL.toMinutes());
        }
        AssetFile file = lookup.file(id, null);
        return new AssetSignedUrl(store.signedUrl(file.key(), file.downloadName(), file.mimeType(), ttl),
                clock.instant().plus(ttl));
    }
}
