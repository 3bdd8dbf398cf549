package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;

import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.storage.DownloadHeaders;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored blob as an HTTP answer: streamed, never held in memory, with what a browser needs to show or save it and
 * to seek in it (one {@code Range}, answered 206). The answer is written on the request's own thread by Spring's
 * resource converter, not by a {@code StreamingResponseBody}: that one runs as an async request, which the servlet
 * container cuts off after its async timeout (30 seconds on Tomcat) and which takes a thread from the shared task
 * pool for as long as a slow viewer downloads.
 * <p>
 * The bytes of a key never change (the key is their SHA-256), so the hash is a strong ETag: a browser that has them
 * gets 304, and a resumed download ({@code If-Range}) gets its range only if the bytes are still those.
 */
final class BlobResponses {

    private BlobResponses() {
    }

    /**
     * Answers the blob at {@code key}, which must belong to the current workspace (else not found, as for every read
     * of a store). {@code mimeType} and {@code downloadName} are what the asset records, not the client's; an
     * {@code attachment} is saved rather than shown, and a type that could run in the browser (HTML, SVG...) is
     * always an attachment.
     */
    static ResponseEntity<Resource> stream(BlobStore store, String key, String downloadName, String mimeType,
            boolean attachment, HttpHeaders requestHeaders) throws IOException {
        long size = store.size(key);
        String etag = "\"" + key.substring(key.lastIndexOf('/') + 1) + "\"";
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CacheControl.empty().cachePrivate());
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        // a link clicked inside a shown PDF would otherwise hand the file's URL, a signed one included, to that site
        headers.set("Referrer-Policy", "no-referrer");
        if (matches(requestHeaders.getFirst(HttpHeaders.IF_NONE_MATCH), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        ByteRange range = ifRangeHolds(requestHeaders.getFirst(HttpHeaders.IF_RANGE), etag)
                ? ByteRange.parse(requestHeaders.getFirst(HttpHeaders.RANGE), size) : null;
        if (range != null && !range.satisfiable()) {
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).headers(headers).build();
        }
        headers.setContentType(MediaType.parseMediaType(DownloadHeaders.contentType(mimeType)));
        headers.set(HttpHeaders.CONTENT_DISPOSITION, DownloadHeaders.contentDisposition(mimeType, downloadName, attachment));
        headers.set("X-Content-Type-Options", "nosniff");
        if (range == null) {
            headers.setContentLength(size);
            return ResponseEntity.ok().headers(headers).body(body(() -> store.open(key)));
        }
        headers.setContentLength(range.length());
        headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last() + "/" + size);
        return ResponseEntity.status(HttpStatus.PARTIAL_CONTENT).headers(headers)
                .body(body(() -> store.openRange(key, range.first(), range.length())));
    }

    private interface Opening {
        InputStream open() throws IOException;
    }

    /**
     * Opened only when Spring writes the body, inside the workspace the request is in now: whatever ends the answer
     * before that (an error, a conditional request Spring answers itself) leaves no file or pooled S3 connection open.
     */
    private static Resource body(Opening opening) {
        UUID workspace = TenantScope.current();
        return new InputStreamResource(() -> {
            try {
                return TenantScope.call(workspace, () -> {
                    try {
                        return opening.open();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    /** {@code If-None-Match}: {@code *} or a list of tags, weak ones compared by their value (RFC 9110, 13.1.2). */
    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }

    /** A range is sent only if the client's copy is these bytes: {@code If-Range} absent or our (strong) tag. */
    private static boolean ifRangeHolds(String ifRange, String etag) {
        return ifRange == null || ifRange.strip().equals(etag);
    }
}
