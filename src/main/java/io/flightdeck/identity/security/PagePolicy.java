package io.flightdeck.identity.security;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.flightdeck.shared.security.FormTargets;
import io.flightdeck.shared.security.InlineStylePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The web UI's Content-Security-Policy: scripts and styles from our own files or carrying this request's nonce
 * ({@link CspNonceFilter}), never inline attributes ({@code style="..."}, {@code onclick="..."}) or {@code eval}.
 * Images and media may also come over https (an asset in an S3 bucket is shown from its presigned address) and as
 * {@code data:} or {@code blob:} (a picked file's preview). Forms post to us, or to a consent page a module names
 * ({@link FormTargets}). No page may be framed by another site; frames show our own addresses (email previews).
 * The few pages that edit inline-styled HTML in place ({@link InlineStylePages}) may use inline styles, and so carry no
 * style nonce (a nonce would switch {@code 'unsafe-inline'} off).
 * A response that sets a policy of its own (an email preview, whose HTML is styled inline) keeps it.
 */
final class PagePolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";

    private static final String NONCE = "{nonce}";

    private final String policy;
    private final String inlineStylePolicy;
    private final RequestMatcher inlineStylePages;

    PagePolicy(List<FormTargets> formTargets, List<InlineStylePages> inlineStyles) {
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
        this.inlineStylePolicy = policy.replace("style-src 'self' 'nonce-" + NONCE + "'", "style-src 'self' 'unsafe-inline'");
        List<RequestMatcher> pages = inlineStyles.stream().flatMap(p -> p.patterns().stream())
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(pattern)).toList();
        this.inlineStylePages = pages.isEmpty() ? request -> false : new OrRequestMatcher(pages);
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        String chosen = inlineStylePages.matches(request) ? inlineStylePolicy : policy;
        Object nonce = request.getAttribute(CspNonceFilter.ATTRIBUTE);
        response.setHeader(HEADER, nonce == null
                ? chosen.replace(" 'nonce-" + NONCE + "'", "")
                : chosen.replace(NONCE, nonce.toString()));
    }
}
