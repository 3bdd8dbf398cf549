package io.flightdeck.email.web;

import java.util.UUID;

import io.flightdeck.email.sending.EmailCampaigns;
import io.flightdeck.email.sending.EmailReadinessCheck;
import io.flightdeck.email.sending.EmailTestSends;
import io.flightdeck.email.templates.TestSends;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review step's Send a test: a test of the content as it is now, which the readiness checklist asks for. With
 * htmx the answer is the checklist itself, redrawn in place with what the test did to it and how the test went, so
 * the person sees the item turn done without leaving the step; without JavaScript it goes back to the step with a toast.
 */
@Controller
class EmailTestSendPagesController {

    private final EmailCampaigns emails;
    private final EmailTestSends testSends;
    private final EmailReadinessCheck readiness;

    EmailTestSendPagesController(EmailCampaigns emails, EmailTestSends testSends, EmailReadinessCheck readiness) {
        this.emails = emails;
        this.testSends = testSends;
        this.readiness = readiness;
    }

    @PostMapping("/email/campaigns/{id}/test-send")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String testSend(@PathVariable UUID id, @RequestParam(defaultValue = "") String to, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        Flash outcome;
        try {
            TestSends.TestSendView sent = testSends.send(id, to, null);
            outcome = "SENT".equals(sent.state())
                    ? Flash.success("A test went to " + sent.to() + ".")
                    : Flash.error("The test to " + sent.to() + " did not go: " + sent.error());
        } catch (InvalidInputException e) {
            outcome = Flash.error(e.getMessage());
        }
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, outcome);
            return "redirect:/email/campaigns/" + id + "?step=review#test-send";
        }
        model.addAttribute("email", emails.get(id));
        model.addAttribute("readiness", readiness.check(id));
        model.addAttribute("testTo", to.isBlank() ? CurrentActor.require().email() : to);
        model.addAttribute("testOutcome", outcome);
        model.addAttribute("canEdit", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        return "email/campaign :: readiness";
    }
}
