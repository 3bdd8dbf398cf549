package io.flightdeck.approvals.web;

import java.util.UUID;
import java.util.function.Supplier;

import io.flightdeck.approvals.domain.ExternalReview;
import io.flightdeck.approvals.domain.ReviewerLinks;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.web.FramedHtml;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page a reviewer link opens, for people without an account: what is reviewed, its stages and comments, a comment
 * form, and the decision when the link allows it. The token is the only key; a bad, expired or revoked one gets one
 * plain page, never the sign-in form (the visitor has no account) nor a stack trace.
 */
@Controller
class ReviewPagesController {

    private final ReviewerLinks links;

    ReviewPagesController(ReviewerLinks links) {
        this.links = links;
    }

    @GetMapping("/review/{token}")
    String review(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, model, response, () -> links.open(token));
    }

    /** A preview's frame on the reviewer's page (an email version): its own answer, with FramedHtml's policy. */
    @GetMapping("/review/{token}/frames/{approvalId}/{part}")
    ResponseEntity<String> frame(@PathVariable String token, @PathVariable UUID approvalId, @PathVariable String part) {
        return links.framedHtml(token, approvalId, part).map(FramedHtml::of)
                .orElseThrow(() -> new NotFoundException("The preview"));
    }

    @PostMapping("/review/{token}/comments")
    String comment(@PathVariable String token, @RequestParam(required = false) String body, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            links.comment(token, null, body);
            return done(token, "Thank you, your comment is posted", redirect);
        } catch (InvalidInputException e) {
            model.addAttribute("commentError", "Your comment " + e.getMessage());
            model.addAttribute("commentBody", body);
            return show(token, model, response, () -> links.open(token));
        }
    }

    @PostMapping("/review/{token}/approve")
    String approve(@PathVariable String token, @RequestParam(required = false) String comment, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return decide(token, true, comment, model, response, redirect);
    }

    @PostMapping("/review/{token}/reject")
    String reject(@PathVariable String token, @RequestParam(required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return decide(token, false, reason, model, response, redirect);
    }

    private String decide(String token, boolean approve, String text, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            links.decide(token, approve, text);
            return done(token, approve ? "Thank you, your approval is recorded"
                    : "Thank you, your rejection and its reason are recorded", redirect);
        } catch (InvalidInputException e) {
            model.addAttribute("rejectError", "Say why you reject it: the reason " + e.getMessage());
        } catch (ConflictException e) {
            model.addAttribute("error", e.getMessage());
        } catch (AccessDeniedException e) {
            // An anonymous visitor denied would be sent to the sign-in form; say what is wrong instead.
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("error", e.getMessage());
        }
        return show(token, model, response, () -> links.open(token));
    }

    /**
     * A reviewer has no session until the page's forms need a CSRF token. A long page (a creative's posts with their
     * media) fills the response buffer before the forms are reached, and a session cannot be made once the response is
     * committed, so the token (and its session) is made before any of the page is written.
     */
    private static void csrfTokenFirst() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName())
                        instanceof org.springframework.security.web.csrf.CsrfToken csrf) {
            csrf.getToken();
        }
    }

    private String show(String token, Model model, HttpServletResponse response, Supplier<ExternalReview> review) {
        csrfTokenFirst();
        try {
            model.addAttribute("review", review.get());
            model.addAttribute("token", token);
            return "approvals/review";
        } catch (NotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "approvals/review-expired";
        }
    }

    private static String done(String token, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("reviewNotice", message);
        return "redirect:/review/" + token;
    }
}
