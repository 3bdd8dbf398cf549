package io.flightdeck.shared.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * HTML that someone else wrote (an email's body) as its own response, for an {@code <iframe src>} on one of our pages.
 * A page's Content-Security-Policy refuses inline styles, and an {@code <iframe srcdoc>} inherits it, so an email
 * styled inline (as emails are) would not look as its recipients see it. This response has a policy of its own:
 * inline and remote styles, images and fonts from anywhere, no script at all, a sandbox (an opaque origin that cannot
 * reach the application), and only our own pages may frame it. The page's header writer leaves both headers alone.
 */
public final class FramedHtml {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline' *; img-src * data: blob:; "
            + "font-src * data:; media-src *; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";

    private FramedHtml() {
    }

    /** The HTML as the answer, never cached (a draft changes), with the preview's policy. */
    public static ResponseEntity<String> of(String html) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Referrer-Policy", "no-referrer")
                .body(html == null ? "" : html);
    }
}
