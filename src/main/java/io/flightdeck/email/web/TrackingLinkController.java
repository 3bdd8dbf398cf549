package io.flightdeck.email.web;

import java.net.URI;
import java.util.Base64;

import io.flightdeck.email.sending.Engagements;
import io.flightdeck.email.tracking.TrackingLinks;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The click redirect and the open pixel of sent email, without a session. A click goes on only to the address signed
 * into its token, so the redirect cannot be pointed anywhere else; a token that is not ours gets a 404 and no redirect.
 */
@Controller
class TrackingLinkController {

    /** The smallest transparent GIF. */
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final Engagements engagements;

    TrackingLinkController(Engagements engagements) {
        this.engagements = engagements;
    }

    @GetMapping(TrackingLinks.CLICK_PATH + "{token}")
    ResponseEntity<String> click(@PathVariable String token,
            @RequestHeader(name = "User-Agent", required = false) String userAgent, HttpServletRequest request) {
        return engagements.click(token, userAgent, request.getRemoteAddr())
                .map(target -> ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target))
                        .cacheControl(CacheControl.noStore()).<String>build())
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("This link does not work: it may have been cut short when it was copied.\n"));
    }

    @GetMapping(TrackingLinks.OPEN_PATH + "{token}")
    ResponseEntity<byte[]> open(@PathVariable String token,
            @RequestHeader(name = "User-Agent", required = false) String userAgent, HttpServletRequest request) {
        engagements.open(token, userAgent, request.getRemoteAddr());
        // the same picture whatever the token: a pixel tells nobody whether a token was good
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
    }
}
