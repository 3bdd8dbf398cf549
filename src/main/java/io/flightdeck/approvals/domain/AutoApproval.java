package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignSnapshot;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Approves the open approvals that one of the workspace's enabled auto-approval rules matches. */
@Service
@Transactional
class AutoApproval {

    private final ApprovalRepository approvals;
    private final ApprovalSetup setup;
    private final ApprovalJournal journal;
    private final ScopeItemDecisions scopeItems;
    private final CampaignDirectory campaigns;
    private final Clock clock;

    AutoApproval(ApprovalRepository approvals, ApprovalSetup setup, ApprovalJournal journal,
            ScopeItemDecisions scopeItems, CampaignDirectory campaigns, Clock clock) {
        this.scopeItems = scopeItems;
        this.approvals = approvals;
        this.setup = setup;
        this.journal = journal;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** @return how many approvals it approved in the current workspace */
    int applyRules() {
        List<AutoApprovalRule> rules = setup.enabledRules();
        if (rules.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Approval> open = approvals.findOpen(Approval.OPEN, PageRequest.of(0, ApprovalInbox.SCAN_LIMIT));
        Map<UUID, CampaignSnapshot> campaignsById = campaigns.findAll(
                open.stream().map(Approval::getCampaignId).collect(Collectors.toSet()));
        int approved = 0;
        for (Approval approval : open) {
            CampaignSnapshot campaign = campaignsById.get(approval.getCampaignId());
            CampaignPriority priority = campaign == null ? null : campaign.priority();
            Optional<AutoApprovalRule> rule = rules.stream().filter(r -> r.matches(approval, priority, now)).findFirst();
            if (rule.isPresent()) {
                ApprovalState from = approval.getState();
                approval.approve(now);
                Voter system = Voter.system("Auto-approval rule '" + rule.get().getName() + "'");
                journal.record(approval, HistoryKind.AUTO_APPROVED, from, system, null, now);
                journal.decided(approval, null, now);
                scopeItems.follow(approval, system, null, now);
                approved++;
            }
        }
        return approved;
    }
}
