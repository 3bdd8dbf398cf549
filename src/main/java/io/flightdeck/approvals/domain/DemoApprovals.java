package io.flightdeck.approvals.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.identity.DemoDataContributor;
import io.flightdeck.identity.DemoWorkspace;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo approvals. The campaigns demo leaves the campaigns that go on to be ready or live in planning, and the one
 * that stays in planning in draft, until this has run. Campaigns in planning get every scope approved by the demo
 * approver (so the campaigns demo can mark them ready and launch them next, at order 30); the draft gets a mix:
 * strategy approved, content rejected with a change request, the rest waiting in the approver's inbox.
 */
@Component
@Order(20)
class DemoApprovals implements DemoDataContributor {

    private final ApprovalOpening opening;
    private final ApprovalLookup lookup;
    private final ApprovalVoting voting;
    private final ApprovalComments comments;
    private final CampaignDirectory campaigns;
    private final MemberDirectory members;

    DemoApprovals(ApprovalOpening opening, ApprovalLookup lookup, ApprovalVoting voting, ApprovalComments comments,
            CampaignDirectory campaigns, MemberDirectory members) {
        this.opening = opening;
        this.lookup = lookup;
        this.voting = voting;
        this.comments = comments;
        this.campaigns = campaigns;
        this.members = members;
    }

    @Override
    public void contribute(DemoWorkspace workspace) {
        List<CampaignSnapshot> goingLive = campaigns.inStatus(CampaignStatus.PLANNING, 50);
        List<CampaignSnapshot> stayingInPlanning = campaigns.inStatus(CampaignStatus.DRAFT, 50);
        as(workspace, Role.CONTRIBUTOR, () -> {
            goingLive.forEach(c -> opening.initialize(c.id(), null));
            stayingInPlanning.forEach(c -> opening.initialize(c.id(), null));
            return null;
        });
        as(workspace, Role.APPROVER, () -> {
            for (CampaignSnapshot campaign : goingLive) {
                lookup.forCampaign(campaign.id()).scopes()
                        .forEach(scope -> voting.approve(scope.id(), "Looks good for launch"));
            }
            for (CampaignSnapshot campaign : stayingInPlanning) {
                for (ApprovalView scope : lookup.forCampaign(campaign.id()).scopes()) {
                    if (scope.scope().equals(ApprovalScope.STRATEGY)) {
                        voting.approve(scope.id(), "Clear goals and audience");
                    } else if (scope.scope().equals("content")) {
                        voting.reject(scope.id(), "The hero copy promises a discount we have not agreed with finance");
                    }
                }
            }
            return null;
        });
        as(workspace, Role.CONTRIBUTOR, () -> {
            for (CampaignSnapshot campaign : stayingInPlanning) {
                lookup.forCampaign(campaign.id()).scopes().stream().filter(s -> s.scope().equals("content"))
                        .forEach(s -> comments.post(s.id(), null,
                                "Finance agreed to 15% for the first week; I will update the copy today.", false));
            }
            return null;
        });
    }

    private <T> T as(DemoWorkspace workspace, Role role, Supplier<T> work) {
        MemberSummary member = members.find(workspace.member(role)).orElseThrow();
        return CurrentActor.runAs(new Actor(member.userId(), workspace.workspaceId(), role, member.email(),
                member.displayName(), ZoneId.of("Europe/Berlin"), null), work);
    }
}
