package io.flightdeck.guidance.home;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalQueue;
import io.flightdeck.approvals.WaitingApproval;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.guidance.blockers.CampaignBlockers;
import io.flightdeck.planning.AssignedTask;
import io.flightdeck.planning.AssignedTasks;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in member's work from every module in one list, ordered by consequence ({@link WorkRanking}): the
 * blockers of the campaigns they own before launch, the tasks assigned to them, the approvals waiting for their
 * decision. Each source is read once and bounded, since the blockers run every readiness check per campaign.
 */
@Service
public class MemberWork {

    /** Pre-launch campaigns whose blockers are read; the soonest starting first. */
    static final int CAMPAIGNS_SCANNED = 10;
    /** Tasks and approvals read per source. */
    static final int PER_SOURCE = 20;

    private static final EnumSet<CampaignStatus> BEFORE_LAUNCH = EnumSet.of(CampaignStatus.DRAFT,
            CampaignStatus.PLANNING, CampaignStatus.READY);

    /** The ranked work and how much of it there is. */
    public record Queue(List<WorkItem> items, int total) {
    }

    private final CampaignDirectory campaigns;
    private final CampaignBlockers blockers;
    private final AssignedTasks tasks;
    private final ApprovalQueue approvals;
    private final Clock clock;

    MemberWork(CampaignDirectory campaigns, CampaignBlockers blockers, AssignedTasks tasks, ApprovalQueue approvals,
            Clock clock) {
        this.campaigns = campaigns;
        this.blockers = blockers;
        this.tasks = tasks;
        this.approvals = approvals;
        this.clock = clock;
    }

    /** The first {@code shown} items of the member's work, most consequential first, and the count of all of it. */
    @Transactional(readOnly = true)
    public Queue firstThings(int shown) {
        UUID me = CurrentActor.require().userId();
        ZoneId zone = CurrentActor.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<WorkItem> items = new ArrayList<>();
        for (CampaignSnapshot campaign : campaigns.ownedBy(me, BEFORE_LAUNCH, CAMPAIGNS_SCANNED)) {
            items.addAll(WorkRanking.blockers(campaign, blockers.blockers(campaign), today));
        }
        for (AssignedTask task : tasks.openFor(me, PER_SOURCE)) {
            items.add(WorkRanking.task(task, today));
        }
        List<WaitingApproval> waiting = approvals.waitingForMe(PER_SOURCE);
        Map<UUID, CampaignSnapshot> approvalCampaigns = campaigns.findAll(
                waiting.stream().map(WaitingApproval::campaignId).distinct().toList());
        for (WaitingApproval approval : waiting) {
            items.add(WorkRanking.approval(approval, approvalCampaigns.get(approval.campaignId()), today, zone));
        }
        List<WorkItem> ranked = WorkRanking.rank(items);
        return new Queue(ranked.stream().limit(shown).toList(), ranked.size());
    }
}
