package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalQueue;
import io.flightdeck.approvals.WaitingApproval;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for the signed-in member: routed to them, by delegation or by escalation, overdue first; not what they
 * requested themselves while the workspace separates duties.
 */
@Service
@Transactional(readOnly = true)
public class ApprovalInbox implements ApprovalQueue {

    /** Open approvals scanned for routing; routing is decided in Java, so the scan is bounded. */
    static final int SCAN_LIMIT = 2_000;

    private final ApprovalRepository approvals;
    private final ApprovalRouting routing;
    private final ApprovalViews views;
    private final CampaignDirectory campaigns;
    private final ApprovalSettingsRepository settings;
    private final Clock clock;

    ApprovalInbox(ApprovalRepository approvals, ApprovalRouting routing, ApprovalViews views, CampaignDirectory campaigns,
            ApprovalSettingsRepository settings, Clock clock) {
        this.approvals = approvals;
        this.routing = routing;
        this.views = views;
        this.campaigns = campaigns;
        this.settings = settings;
        this.clock = clock;
    }

    public Page<ApprovalView> inbox(Pageable pageable) {
        Actor actor = CurrentActor.require();
        ApprovalRouting.Routing routes = routing.forActor(actor, clock.instant());
        List<Approval> open = approvals.findOpen(Approval.OPEN, PageRequest.of(0, SCAN_LIMIT));
        Map<UUID, List<ApprovalVote>> stageVotes = views.currentStageVotes(open);
        // under separation of duties, what the member requested waits for someone else, not for them
        boolean separate = settings.findFirstBy().map(ApprovalSettings::separatesDuties).orElse(true);
        List<Approval> routed = open.stream()
                .filter(a -> !(separate && actor.userId().equals(a.getRequestedBy())))
                .filter(a -> routes.voterFor(a).filter(v -> !v.votedIn(stageVotes.get(a.getId()))).isPresent())
                .toList();
        // a trashed campaign's approvals wait for its restore; opening them would answer 404
        Set<UUID> live = campaigns.findAll(routed.stream().map(Approval::getCampaignId).collect(Collectors.toSet()))
                .keySet();
        List<Approval> mine = routed.stream().filter(a -> live.contains(a.getCampaignId())).toList();
        int from = (int) Math.min(pageable.getOffset(), mine.size());
        int to = Math.min(from + pageable.getPageSize(), mine.size());
        return new PageImpl<>(views.of(mine.subList(from, to)), pageable, mine.size());
    }

    @Override
    public List<WaitingApproval> waitingForMe(int limit) {
        return inbox(PageRequest.of(0, Math.max(1, Math.min(limit, 100)))).stream()
                .map(a -> new WaitingApproval(a.id(), a.campaignId(), a.title(), a.scopeName(), a.dueAt(), a.overdue()))
                .toList();
    }
}
