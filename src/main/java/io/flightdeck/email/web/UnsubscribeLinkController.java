package io.flightdeck.email.web;

import java.util.Optional;

import io.flightdeck.email.sending.Unsubscribes;
import io.flightdeck.email.tracking.TrackingLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of every campaign email, without a session. A GET only asks (mail scanners fetch every link,
 * so opening it must change nothing); the one-click POST (RFC 8058), from a mail client or the page's button, must
 * carry {@code List-Unsubscribe=One-Click} and unsubscribes at once.
 */
@Controller
class UnsubscribeLinkController {

    private final Unsubscribes unsubscribes;

    UnsubscribeLinkController(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping(TrackingLinks.UNSUBSCRIBE_PATH + "{token}")
    String ask(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Unsubscribes.Recipient> recipient = unsubscribes.recipient(token);
        return page(token, recipient, model, response);
    }

    /**
     * The one-click POST, from a mail client or the page's button: only {@code List-Unsubscribe=One-Click} unsubscribes
     * (anything else is a 400 that changes nothing); the answer is the page that says it is done.
     */
    @PostMapping(TrackingLinks.UNSUBSCRIBE_PATH + "{token}")
    String oneClick(@PathVariable String token, @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
            Model model, HttpServletResponse response) {
        if (!"One-Click".equals(oneClick)) {
            String page = page(token, unsubscribes.recipient(token), model, response);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page;
        }
        return page(token, unsubscribes.unsubscribe(token), model, response);
    }

    private String page(String token, Optional<Unsubscribes.Recipient> recipient, Model model,
            HttpServletResponse response) {
        if (recipient.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("recipient", recipient.orElse(null));
        model.addAttribute("action", TrackingLinks.UNSUBSCRIBE_PATH + token);
        return "email/unsubscribe";
    }
}
