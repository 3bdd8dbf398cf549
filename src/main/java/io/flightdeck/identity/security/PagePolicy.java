package io.flightdeck.identity.security;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flightdeck.shared.security.FormTargets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The web UI's Content-Security-Policy: scripts and styles from our own files or carrying this request's nonce
 * ({@link CspNonceFilter}), never inline attributes ({@code style="..."}, {@code onclick="..."}) or {@code eval}.
 * Images and media may also come over https (an asset in an S3 bucket is shown from its presigned address) and as
 * {@code data:} or {@code blob:} (a picked file's preview). Forms post to us, or to a consent page a module names
 * ({@link FormTargets}). No page may be framed by another site; frames show our own addresses (email previews).
 * A response that sets a policy of its own (an email preview, whose HTML is styled inline) keeps it.
 */
final class PagePolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";

    private static final String NONCE = "{nonce}";

    private final String policy;

    PagePolicy(List<FormTargets> formTargets) {
        String formAction = Stream.concat(Stream.of("'self'"),
                        formTargets.stream().flatMap(t -> t.origins().stream()).distinct())
                .collect(Collectors.joining(" "));
        this.policy = String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'nonce-" + NONCE + "'",
                "style-src 'self' 'nonce-" + NONCE + "'",
                "img-src 'self' data: blob: https:",
                "media-src 'self' blob: https:",
                "object-src 'none'",
                "frame-src 'self'",
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "form-action " + formAction);
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        Object nonce = request.getAttribute(CspNonceFilter.ATTRIBUTE);
        response.setHeader(HEADER, nonce == null
                ? policy.replace(" 'nonce-" + NONCE + "'", "")
                : policy.replace(NONCE, nonce.toString()));
    }
}
