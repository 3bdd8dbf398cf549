package io.flightdeck.guidance.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.ReadinessSubject;
import io.flightdeck.guidance.blockers.Blocker;
import io.flightdeck.guidance.blockers.BlockerSeverity;
import io.flightdeck.guidance.blockers.CampaignBlockers;
import io.flightdeck.guidance.situation.CampaignNextSteps;
import io.flightdeck.guidance.situation.CampaignNextSteps.NextSteps;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The guidance card on the campaign page: what blocks the campaign, each with the way to clear it, and its next steps
 * (the top recommendations, with the reactions in force).
 */
@Controller
class GuidancePagesController {

    /** How many of a blocker's objects the card names before it says "and N more". */
    static final int SUBJECTS_SHOWN = 3;

    /** How many recommendations the card shows. */
    static final int NEXT_STEPS_SHOWN = 3;

    private final CampaignBlockers blockers;
    private final CampaignNextSteps nextSteps;

    /**
     * A blocker as the card shows it: the objects worth opening (not the campaign itself, whose page this is), the
     * first few of them, and how many more there are.
     */
    record BlockerCard(Blocker blocker, List<ReadinessSubject> subjects, int more) {

        static BlockerCard of(Blocker blocker, UUID campaignId) {
            List<ReadinessSubject> others = blocker.subjects().stream()
                    .filter(s -> !("campaign".equals(s.type()) && campaignId.toString().equals(s.id()))).toList();
            return new BlockerCard(blocker, others.stream().limit(SUBJECTS_SHOWN).toList(),
                    Math.max(0, others.size() - SUBJECTS_SHOWN));
        }

        public String badgeClass() {
            return switch (blocker.severity()) {
                case BLOCKING -> "badge badge-danger";
                case WARNING -> "badge badge-warning";
                case INFO -> "badge badge-primary";
            };
        }
    }

    GuidancePagesController(CampaignBlockers blockers, CampaignNextSteps nextSteps) {
        this.blockers = blockers;
        this.nextSteps = nextSteps;
    }

    @GetMapping("/campaigns/{id}/guidance/panel")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "#guidance"; // the card has no page of its own
        }
        List<Blocker> found = blockers.blockers(id);
        model.addAttribute("campaignId", id);
        model.addAttribute("cards", found.stream().map(b -> BlockerCard.of(b, id)).toList());
        model.addAttribute("blocking", count(found, BlockerSeverity.BLOCKING));
        model.addAttribute("warnings", count(found, BlockerSeverity.WARNING));
        model.addAttribute("toDo", count(found, BlockerSeverity.INFO));
        // a viewer changes nothing, so the card tells them what clears each blocker without sending them to do it
        model.addAttribute("canFix", CurrentActor.require().role() != Role.VIEWER);
        NextSteps steps = nextSteps.of(id);
        model.addAttribute("nextSteps", steps.recommendations().stream().limit(NEXT_STEPS_SHOWN).toList());
        model.addAttribute("moreSteps", Math.max(0, steps.recommendations().size() - NEXT_STEPS_SHOWN));
        model.addAttribute("reactions", steps.reactions());
        model.addAttribute("canReact", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
        model.addAttribute("canSwitchRules", CurrentActor.require().role().includes(Role.ADMIN));
        model.addAttribute("tomorrow", LocalDate.now(CurrentActor.zone()).plusDays(1));
        model.addAttribute("inAWeek", LocalDate.now(CurrentActor.zone()).plusDays(7));
        return "guidance/fragments/panel :: panel";
    }

    private static long count(List<Blocker> list, BlockerSeverity severity) {
        return list.stream().filter(b -> b.severity() == severity).count();
    }
}
