package io.flightdeck.email.web;

import java.util.Optional;
import java.util.UUID;

import io.flightdeck.email.sending.EmailPreferences;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.PublicPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The preference centre linked from every email's footer ({@code /email/preferences/{token}}), without an account:
 * the signed token alone names the person and the workspace. Opening it changes nothing, because mail scanners open
 * every link; each change is a form POST with the page's CSRF token. A forged or foreign token is a 404 page.
 */
@Controller
class PreferenceCentreController {

    static final String PATH = "/email/preferences/";

    private final EmailPreferences preferences;

    PreferenceCentreController(EmailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping(PATH + "{token}")
    String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(token, preferences.open(token), null, request, response, model);
    }

    /** One change: {@code leave} or {@code rejoin} a list ({@code listId}), {@code unsubscribe} all or {@code resubscribe}. */
    @PostMapping(PATH + "{token}")
    String change(@PathVariable String token, @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) String listId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            Optional<EmailPreferences.Centre> centre = switch (action) {
                case "leave" -> preferences.leave(token, list(listId));
                case "rejoin" -> preferences.rejoin(token, list(listId));
                case "unsubscribe" -> preferences.unsubscribeAll(token);
                case "resubscribe" -> preferences.resubscribe(token);
                default -> null;
            };
            if (centre == null) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return page(token, preferences.open(token), "That is not a change this page makes.", request, response,
                        model);
            }
            return page(token, centre, done(action), request, response, model);
        } catch (NotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            Optional<EmailPreferences.Centre> centre = preferences.open(token);
            return page(token, centre, "That list is not one of yours.", request, response, model);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(token, preferences.open(token), "This address cannot be subscribed again from here: mail to "
                    + "it bounced or was reported. Reply to one of the emails to ask.", request, response, model);
        }
    }

    private String page(String token, Optional<EmailPreferences.Centre> centre, String message, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (centre.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        } else if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            csrf.getToken(); // the visitor's session is made before the page is written, as the opt-in page does
        }
        model.addAttribute("centre", centre.orElse(null));
        model.addAttribute("action", PATH + token);
        model.addAttribute("message", message);
        return "email/preferences";
    }

    private static UUID list(String listId) {
        try {
            return UUID.fromString(listId == null ? "" : listId.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("List");
        }
    }

    private static String done(String action) {
        return switch (action) {
            case "leave" -> "You have left the list. Your other lists stay as they are.";
            case "rejoin" -> "You are on the list again.";
            case "unsubscribe" -> "You are unsubscribed from all our campaign emails.";
            default -> "You are subscribed again.";
        };
    }

    @Configuration(proxyBeanMethods = false)
    static class PreferenceCentreConfiguration {

        /** The preference link works without an account; its signed token alone opens the right workspace. */
        @Bean
        PublicPaths preferenceCentrePaths() {
            return PublicPaths.of(PATH + "**");
        }
    }
}
