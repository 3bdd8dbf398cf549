package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What became of the approvals the signed-in member requested: the recent decisions, newest first. */
@Service
@Transactional(readOnly = true)
public class RequestedApprovals {

    /** How far back a decision still counts as news on the home page. */
    public static final Duration RECENT = Duration.ofDays(14);

    private static final Set<ApprovalState> DECIDED = EnumSet.of(ApprovalState.APPROVED, ApprovalState.REJECTED);

    private final ApprovalRepository approvals;
    private final ApprovalViews views;
    private final CampaignDirectory campaigns;
    private final Clock clock;

    RequestedApprovals(ApprovalRepository approvals, ApprovalViews views, CampaignDirectory campaigns, Clock clock) {
        this.approvals = approvals;
        this.views = views;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** Up to {@code limit} decisions of the last {@link #RECENT} days on approvals the member requested. */
    public List<ApprovalView> recentDecisions(int limit) {
        UUID me = CurrentActor.require().userId();
        List<Approval> decided = approvals.findDecidedFor(me, DECIDED, clock.instant().minus(RECENT),
                PageRequest.of(0, limit));
        // a trashed campaign's approvals wait for its restore; opening them would answer 404
        Set<UUID> live = campaigns.findAll(decided.stream().map(Approval::getCampaignId).collect(Collectors.toSet()))
                .keySet();
        return views.of(decided.stream().filter(a -> live.contains(a.getCampaignId())).toList());
    }
}
