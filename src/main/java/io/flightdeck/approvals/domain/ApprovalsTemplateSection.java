package io.flightdeck.approvals.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.flightdeck.approvals.Urgency;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignTemplateSection;
import io.flightdeck.campaigns.TemplateCopy;
import io.flightdeck.campaigns.TemplatePart;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template carries whether the campaign asked for approvals, of which scopes and how urgently; never a decision.
 * The scopes and their stages are the workspace's, so the new campaign follows them as they are now. With
 * {@link TemplateCopy#approvalsStartOver()} it asks for its approvals at once, at the same urgency; otherwise people
 * ask when the work is ready, as on any new campaign.
 */
@Component
class ApprovalsTemplateSection implements CampaignTemplateSection {

    private final ApprovalLookup lookup;
    private final ApprovalOpening opening;
    private final JsonMapper json;

    ApprovalsTemplateSection(ApprovalLookup lookup, ApprovalOpening opening, JsonMapper json) {
        this.lookup = lookup;
        this.opening = opening;
        this.json = json;
    }

    record CapturedApprovals(List<String> scopes, Urgency urgency) {
    }

    @Override
    public TemplatePart part() {
        return TemplatePart.APPROVALS;
    }

    @Override
    public Optional<Captured> capture(CampaignSnapshot campaign) {
        Map<String, Approval> started = lookup.scopeApprovals(campaign.id());
        if (started.isEmpty()) {
            return Optional.empty();
        }
        Urgency urgency = started.values().iterator().next().getUrgency();
        List<String> scopes = started.keySet().stream().sorted().toList();
        return Optional.of(new Captured(json.valueToTree(new CapturedApprovals(scopes, urgency)),
                "Asked for " + scopes.size() + (scopes.size() == 1 ? " scope" : " scopes") + " at "
                        + urgency.name().toLowerCase() + " urgency"));
    }

    @Override
    public List<String> apply(CampaignSnapshot campaign, JsonNode captured, TemplateCopy copy) {
        if (copy.approvalsStartOver()) {
            opening.initialize(campaign.id(), json.treeToValue(captured, CapturedApprovals.class).urgency());
        }
        return List.of();
    }
}
