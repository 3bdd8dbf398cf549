package io.flightdeck.guidance.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.ReadinessSubject;
import io.flightdeck.guidance.blockers.Blocker;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The guidance card on the campaign page: what blocks the campaign, each with the way to clear it, and its next steps
 * (the top recommendations, with the reactions in force). The overview fills it in its own request
 * ({@link GuidanceCardContent}); the card reloads itself from here.
 */
@Controller
class GuidancePagesController {

    /** How many of a blocker's objects the card names before it says "and N more". */
    static final int SUBJECTS_SHOWN = 3;

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

    private final GuidanceCardContent content;

    GuidancePagesController(GuidanceCardContent content) {
        this.content = content;
    }

    @GetMapping("/campaigns/{id}/guidance/panel")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "#guidance"; // the card has no page of its own
        }
        model.addAllAttributes(content.model(id));
        return GuidanceCardContent.TEMPLATE + " :: " + GuidanceCardContent.FRAGMENT;
    }
}
