package io.flightdeck.identity.web;

import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.identity.security.SessionSignIn;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in and sign-up pages. The sign-in POST itself is Spring Security's form login. */
@Controller
class AuthPagesController {

    private final Workspaces workspaces;
    private final SessionSignIn sessionSignIn;

    AuthPagesController(Workspaces workspaces, SessionSignIn sessionSignIn) {
        this.workspaces = workspaces;
        this.sessionSignIn = sessionSignIn;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        // Spring Security's failure handler leaves the refused sign-in's exception in the session; show it once.
        if (session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            model.addAttribute("error", e.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        return "identity/login";
    }

    record SignUpForm(@NotBlank(message = "Enter your name") @Size(max = 120, message = "Use at most 120 characters") String displayName,
            @NotBlank(message = "Enter your work email") @Email(message = "Enter a valid email address") String email,
            @NotBlank(message = "Choose a password") @Size(min = 10, max = 128, message = "Use 10 to 128 characters") String password,
            @NotBlank(message = "Name your workspace") @Size(max = 120, message = "Use at most 120 characters") String workspaceName,
            String timeZone) {
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        model.addAttribute("form", new SignUpForm("", "", "", "", "UTC"));
        return "identity/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        ZoneAndLanguageChecks.timeZone(errors, "timeZone", form.timeZone());
        if (errors.hasErrors()) {
            return "identity/signup";
        }
        try {
            Workspaces.SignedUp signedUp = workspaces.signUp(new Workspaces.SignUp(form.workspaceName(), form.displayName(),
                    form.email(), form.password(), form.timeZone()));
            sessionSignIn.signIn(signedUp.userId(), signedUp.workspaceId(), request, response);
        } catch (InvalidInputException e) {
            errors.rejectValue(e.field(), "invalid", e.getMessage());
            return "identity/signup";
        } catch (ConflictException e) {
            errors.rejectValue("email", "taken", e.getMessage());
            return "identity/signup";
        }
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Welcome to Flightdeck! Your workspace is ready."));
        return "redirect:/";
    }
}
