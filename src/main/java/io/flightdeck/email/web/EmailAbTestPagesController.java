package io.flightdeck.email.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.email.abtest.InconclusiveRule;
import io.flightdeck.email.abtest.Metric;
import io.flightdeck.email.sending.AbTestPlan;
import io.flightdeck.email.sending.AbTests;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The A/B step of an email's page: set a test up or drop it, and pick the variant the rest gets. */
@Controller
class EmailAbTestPagesController {

    private final AbTests tests;

    EmailAbTestPagesController(AbTests tests) {
        this.tests = tests;
    }

    /** The step's form as typed: up to three variants, then the settings (hours and percent, as people think). */
    public record AbTestForm(String subjectB, String htmlB, String subjectC, String htmlC, String subjectD, String htmlD,
            Integer testShare, String metric, String goalUrl, Integer decideAfterHours, Integer minimumSample,
            Integer confidencePercent, String ifInconclusive, Boolean acceptOpensWarning) {

        AbTestPlan.Input input() {
            List<AbTestPlan.Content> variants = new ArrayList<>();
            add(variants, subjectB, htmlB);
            add(variants, subjectC, htmlC);
            add(variants, subjectD, htmlD);
            return new AbTestPlan.Input(variants, testShare, option(Metric.class, "metric", metric), goalUrl,
                    decideAfterHours == null ? null : Math.multiplyExact(decideAfterHours, 60), minimumSample,
                    confidencePercent == null ? null : confidencePercent / 100.0,
                    option(InconclusiveRule.class, "ifInconclusive", ifInconclusive), acceptOpensWarning);
        }

        private static void add(List<AbTestPlan.Content> variants, String subject, String html) {
            if ((subject != null && !subject.isBlank()) || (html != null && !html.isBlank())) {
                variants.add(new AbTestPlan.Content(subject, null, html));
            }
        }

        private static <E extends Enum<E>> E option(Class<E> type, String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "Choose one of the options offered");
            }
        }
    }

    @PostMapping("/email/campaigns/{id}/ab-test")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String set(@PathVariable UUID id, AbTestForm form, RedirectAttributes redirect) {
        try {
            tests.set(id, form.input(), null);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("A/B test saved."));
            return "redirect:/email/campaigns/" + id + "?step=schedule";
        } catch (InvalidInputException | ConflictException | ArithmeticException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e instanceof ArithmeticException
                    ? "The decision time is too far away." : e.getMessage()));
            return "redirect:/email/campaigns/" + id + "?step=ab";
        }
    }

    @PostMapping("/email/campaigns/{id}/ab-test/remove")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String remove(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            tests.remove(id);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("A/B test dropped: everyone gets the email itself."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/email/campaigns/" + id + "?step=ab";
    }

    @PostMapping("/email/campaigns/{id}/ab-test/pick")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String pick(@PathVariable UUID id, @RequestParam String variant, RedirectAttributes redirect) {
        try {
            tests.pick(id, variant);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Variant " + variant + " goes to the rest."));
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/email/campaigns/" + id;
    }
}
