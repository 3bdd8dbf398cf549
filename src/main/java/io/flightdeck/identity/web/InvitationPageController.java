package io.flightdeck.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.identity.domain.InvitationStatus;
import io.flightdeck.identity.domain.Invitations;
import io.flightdeck.identity.domain.SignInRefusedException;
import io.flightdeck.identity.security.SessionSignIn;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page an invitation link opens: join with a new account, or with an existing one's password. */
@Controller
class InvitationPageController {

    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 128;

    private final Invitations invitations;
    private final SessionSignIn sessionSignIn;

    InvitationPageController(Invitations invitations, SessionSignIn sessionSignIn) {
        this.invitations = invitations;
        this.sessionSignIn = sessionSignIn;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Invitations.Preview preview = invitations.preview(token).orElse(null);
        if (preview == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", "This invitation link is not valid. Check that you copied all of it.");
        } else if (preview.status() != InvitationStatus.PENDING) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("problem", switch (preview.status()) {
                case ACCEPTED -> "This invitation has already been used. Sign in to reach the workspace.";
                case REVOKED -> "This invitation was withdrawn. Ask the person who invited you for a new one.";
                default -> "This invitation has expired. Ask the person who invited you for a new one.";
            });
        }
        model.addAttribute("preview", preview);
        model.addAttribute("token", token);
        return "identity/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Invitations.Preview preview = invitations.preview(token).orElseThrow(() -> new NotFoundException("The invitation"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!preview.accountExists()) {
            if (displayName == null || displayName.isBlank()) {
                errors.put("displayName", "Enter your name");
            }
            if (password == null || password.length() < MIN_PASSWORD) {
                errors.put("password", "Use at least " + MIN_PASSWORD + " characters");
            } else if (password.length() > MAX_PASSWORD) {
                errors.put("password", "Use at most " + MAX_PASSWORD + " characters");
            }
        }
        if (errors.isEmpty()) {
            try {
                Invitations.Accepted accepted = invitations.accept(token, displayName, password, request.getRemoteAddr());
                sessionSignIn.signIn(accepted.userId(), accepted.workspaceId(), request, response);
                redirect.addFlashAttribute(Flash.KEY, Flash.success("You joined the workspace. Welcome aboard!"));
                return "redirect:/";
            } catch (InvalidInputException e) {
                errors.putAll(FormErrors.of(e));
            } catch (SignInRefusedException e) {
                errors.put("password", e.getMessage());
            } catch (ConflictException e) {
                errors.put("global", e.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        model.addAttribute("token", token);
        model.addAttribute("displayName", displayName);
        return "identity/invitation";
    }
}
