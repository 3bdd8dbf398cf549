package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.flightdeck.assets.storage.BlobStore;
import io.flightdeck.assets.storage.FileLinks;
import io.flightdeck.shared.links.SignedTokens;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local store's signed URLs ({@code /files/{token}}, see {@link FileLinks}): anyone holding one downloads that one
 * file until it expires, with no session, no token and no CSRF (it only reads). The workspace comes from the signed
 * token, never from the request, and the read runs inside it, so a token naming a key of another workspace finds
 * nothing. A token that is not ours, or was changed, answers 404; one of ours past its expiry answers 410 and says when.
 */
@RestController
class SignedFilesController {

    private final FileLinks links;
    private final BlobStore store;

    SignedFilesController(FileLinks links, BlobStore store) {
        this.links = links;
        this.store = store;
    }

    /** The security configuration lets these through without a signed-in member; the token is the credential. */
    @Bean
    static PublicPaths signedFilePaths() {
        return PublicPaths.of(FileLinks.PATH + "**");
    }

    @GetMapping(FileLinks.PATH + "{token}")
    ResponseEntity<Resource> download(@PathVariable String token, @RequestHeader HttpHeaders headers) {
        FileLinks.Link link = links.verify(token);
        return TenantScope.call(link.workspaceId(), () -> {
            try {
                return BlobResponses.stream(store, link.key(), link.downloadName(), link.mimeType(), false, headers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ExceptionHandler(SignedTokens.Expired.class)
    ProblemDetail expired(SignedTokens.Expired e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.GONE, "link-expired", "Link expired", e.getMessage(),
                request.getRequestURI());
        problem.setProperty("expiredAt", e.expiredAt());
        return problem;
    }
}
