package io.flightdeck.approvals.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads approvals: a campaign's scopes, one approval, a campaign's items under review and an approval's history. An
 * approval of a trashed campaign reads as missing until the campaign is restored.
 */
@Service
@Transactional(readOnly = true)
public class ApprovalLookup {

    private final ApprovalRepository approvals;
    private final ApprovalHistoryRepository history;
    private final ApprovalSetup setup;
    private final CampaignDirectory campaigns;
    private final ApprovalViews views;

    ApprovalLookup(ApprovalRepository approvals, ApprovalHistoryRepository history, ApprovalSetup setup,
            CampaignDirectory campaigns, ApprovalViews views) {
        this.approvals = approvals;
        this.history = history;
        this.setup = setup;
        this.campaigns = campaigns;
        this.views = views;
    }

    public CampaignApprovals forCampaign(UUID campaignId) {
        requireCampaign(campaignId);
        Map<String, Approval> byScope = scopeApprovals(campaignId);
        List<Approval> shown = new ArrayList<>();
        List<CampaignApprovals.ScopeSummary> notStarted = new ArrayList<>();
        for (ApprovalScope scope : setup.scopeRows()) {
            Approval approval = byScope.get(scope.getKey());
            if (approval != null) {
                shown.add(approval);
            } else if (scope.isEnabled()) {
                notStarted.add(new CampaignApprovals.ScopeSummary(scope.getKey(), scope.getName()));
            }
        }
        return new CampaignApprovals(campaignId, views.of(shown), notStarted);
    }

    public ApprovalView get(UUID approvalId) {
        return views.of(List.of(live(approvalId))).get(0);
    }

    /** The approval of a campaign's scope, e.g. {@code content}. */
    public UUID scopeApprovalId(UUID campaignId, String scopeKey) {
        // the tenant filter keeps this to the workspace; a trashed campaign is refused by whatever the id is used for
        return approvals.findByCampaignIdAndScopeKeyAndSubjectKey(campaignId, scopeKey, Approval.SCOPE_SUBJECT)
                .map(Approval::getId)
                .orElseThrow(() -> new NotFoundException("The approval scope '" + scopeKey + "' of this campaign"));
    }

    /** Single items of a campaign under review, newest first. */
    public Page<ApprovalView> items(UUID campaignId, Pageable pageable) {
        requireCampaign(campaignId);
        Page<Approval> page = approvals.findByCampaignIdAndItemTypeIsNotNull(campaignId, pageable);
        return new PageImpl<>(views.of(page.getContent()), pageable, page.getTotalElements());
    }

    /**
     * The campaign's items not approved (pending, back for review or rejected), oldest first: approved scopes do not
     * make a campaign ready to publish while its posts and emails still wait for their own decisions.
     */
    public Page<ApprovalView> waitingItems(UUID campaignId, Pageable pageable) {
        requireCampaign(campaignId);
        Page<Approval> page = approvals.findByCampaignIdAndItemTypeIsNotNullAndStateInOrderByCreatedAtAsc(campaignId,
                List.of(ApprovalState.PENDING, ApprovalState.NEEDS_REVIEW, ApprovalState.REJECTED), pageable);
        return new PageImpl<>(views.of(page.getContent()), pageable, page.getTotalElements());
    }

    public Page<HistoryView> history(UUID approvalId, Pageable pageable) {
        live(approvalId);
        return history.findByApprovalIdOrderByOccurredAtDescIdDesc(approvalId, pageable).map(h -> new HistoryView(
                h.getId(), h.getKind().name(), h.getKind().verb(), h.getFromState(), h.getToState(), h.getStageName(),
                h.getStageIndex() == null ? null : h.getStageIndex() + 1, h.getActorId(), h.getActorLabel(),
                h.getComment(), h.getOccurredAt()));
    }

    /** The approval, if its campaign is not in the trash. */
    Approval live(UUID approvalId) {
        Approval approval = approvals.findById(approvalId).orElseThrow(() -> new NotFoundException("The approval"));
        if (campaigns.find(approval.getCampaignId()).isEmpty()) {
            throw new NotFoundException("The approval");
        }
        return approval;
    }

    /** The views of approvals already loaded, for services that answer with what they changed. */
    ApprovalView view(Approval approval) {
        return views.of(List.of(approval)).get(0);
    }

    CampaignSnapshot requireCampaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("The campaign"));
    }

    /** A campaign's scope approvals by scope key. */
    Map<String, Approval> scopeApprovals(UUID campaignId) {
        return approvals.findByCampaignIdAndSubjectKey(campaignId, Approval.SCOPE_SUBJECT).stream()
                .collect(Collectors.toMap(Approval::getScopeKey, Function.identity()));
    }
}
