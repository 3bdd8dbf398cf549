package io.flightdeck.guidance.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPanelContent;
import io.flightdeck.guidance.blockers.Blocker;
import io.flightdeck.guidance.blockers.BlockerSeverity;
import io.flightdeck.guidance.blockers.CampaignBlockers;
import io.flightdeck.guidance.situation.CampaignNextSteps;
import io.flightdeck.guidance.situation.CampaignNextSteps.NextSteps;
import io.flightdeck.guidance.web.GuidancePagesController.BlockerCard;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.stereotype.Component;

/**
 * What the guidance card shows, for the overview's own request and for the card's reloads. In the overview's request
 * the blockers come from the readiness items the readiness card has just read, so the checks run once per page view.
 */
@Component
class GuidanceCardContent implements CampaignPanelContent {

    static final String TEMPLATE = "guidance/fragments/panel";
    static final String FRAGMENT = "panel";

    /** How many recommendations the card shows. */
    static final int NEXT_STEPS_SHOWN = 3;

    private final CampaignBlockers blockers;
    private final CampaignNextSteps nextSteps;

    GuidanceCardContent(CampaignBlockers blockers, CampaignNextSteps nextSteps) {
        this.blockers = blockers;
        this.nextSteps = nextSteps;
    }

    @Override
    public String panelKey() {
        return GuidancePagesConfiguration.PANEL_KEY;
    }

    @Override
    public String template() {
        return TEMPLATE;
    }

    @Override
    public String fragment() {
        return FRAGMENT;
    }

    @Override
    public Map<String, Object> model(UUID campaignId) {
        List<Blocker> found = blockers.blockers(campaignId);
        Role role = CurrentActor.require().role();
        LocalDate today = LocalDate.now(CurrentActor.zone());
        NextSteps steps = nextSteps.of(campaignId);
        Map<String, Object> model = new HashMap<>();
        model.put("campaignId", campaignId);
        model.put("cards", found.stream().map(b -> BlockerCard.of(b, campaignId)).toList());
        model.put("blocking", count(found, BlockerSeverity.BLOCKING));
        model.put("warnings", count(found, BlockerSeverity.WARNING));
        model.put("toDo", count(found, BlockerSeverity.INFO));
        // a viewer changes nothing, so the card tells them what clears each blocker without sending them to it
        model.put("canFix", role != Role.VIEWER);
        model.put("nextSteps", steps.recommendations().stream().limit(NEXT_STEPS_SHOWN).toList());
        model.put("moreSteps", Math.max(0, steps.recommendations().size() - NEXT_STEPS_SHOWN));
        model.put("reactions", steps.reactions());
        model.put("canReact", role.includes(Role.CONTRIBUTOR));
        model.put("canSwitchRules", role.includes(Role.ADMIN));
        model.put("tomorrow", today.plusDays(1));
        model.put("inAWeek", today.plusDays(7));
        return model;
    }

    private static long count(List<Blocker> list, BlockerSeverity severity) {
        return list.stream().filter(b -> b.severity() == severity).count();
    }
}
