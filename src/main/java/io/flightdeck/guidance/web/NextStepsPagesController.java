package io.flightdeck.guidance.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.flightdeck.guidance.recommendations.ReactionKind;
import io.flightdeck.guidance.recommendations.ReactionMemory.ReactionView;
import io.flightdeck.guidance.situation.CampaignNextSteps;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guidance card's forms on the next steps: accept, dismiss with a reason, snooze until a day, and undo. Each
 * answers with a redirect back to the card, what happened or what was wrong said at the top of the page.
 */
@Controller
class NextStepsPagesController {

    private final CampaignNextSteps nextSteps;

    NextStepsPagesController(CampaignNextSteps nextSteps) {
        this.nextSteps = nextSteps;
    }

    @PostMapping("/campaigns/{id}/guidance/reactions")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String react(@PathVariable UUID id, @RequestParam(required = false) String ruleId,
            @RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
            @RequestParam(required = false) String response, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String until, RedirectAttributes redirect) {
        try {
            ReactionKind kind = kind(response);
            ReactionView made = nextSteps.respond(id, blank(ruleId), blank(targetType), blank(targetId), kind,
                    reason, day(until));
            redirect.addFlashAttribute(Flash.KEY, Flash.success(switch (made.kind()) {
                case ACCEPTED -> "Accepted: it stays off the list while its evidence stays the same.";
                case DISMISSED -> "Dismissed: it stays away until its evidence changes.";
                case SNOOZED -> "Snoozed until " + until.strip() + ".";
            }));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(String.join(" ", FormErrors.of(e).values())));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/campaigns/" + id + "#guidance";
    }

    @PostMapping("/campaigns/{id}/guidance/reactions/{reactionId}/undo")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String undo(@PathVariable UUID id, @PathVariable UUID reactionId, RedirectAttributes redirect) {
        try {
            nextSteps.undo(id, reactionId);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Undone: the recommendation shows again if the "
                    + "campaign still has it."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/campaigns/" + id + "#guidance";
    }

    private static ReactionKind kind(String response) {
        try {
            return response == null ? null : ReactionKind.valueOf(response.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("response", "Choose accept, dismiss or snooze.");
        }
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("until", "Not a date: " + text + " (year-month-day)");
        }
    }

    private static String blank(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("recommendation", "Name the recommendation.");
        }
        return value.strip();
    }
}
