package io.flightdeck.approvals.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.domain.ApprovalInbox;
import io.flightdeck.approvals.domain.ApprovalView;
import io.flightdeck.approvals.domain.RequestedApprovals;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The approvals sections of the home page for the signed-in member: what waits for their decision (overdue first, as
 * the inbox orders them) and the recent decisions on what they requested. Declared in {@link ApprovalHomeConfiguration}.
 */
@Controller
class ApprovalHomeSection {

    static final int SHOWN = 5;

    private final ApprovalInbox inbox;
    private final RequestedApprovals requested;
    private final CampaignDirectory campaigns;

    ApprovalHomeSection(ApprovalInbox inbox, RequestedApprovals requested, CampaignDirectory campaigns) {
        this.inbox = inbox;
        this.requested = requested;
        this.campaigns = campaigns;
    }

    @GetMapping("/home/approvals/waiting")
    String waiting(Model model) {
        Page<ApprovalView> waiting = inbox.inbox(Paging.of(0, SHOWN, Sort.unsorted()));
        model.addAttribute("waiting", waiting);
        model.addAttribute("campaignNames", campaignNames(waiting.getContent().stream().map(ApprovalView::campaignId).toList()));
        return "approvals/fragments/home-section :: waiting";
    }

    @GetMapping("/home/approvals/decisions")
    String decisions(Model model) {
        var decided = requested.recentDecisions(SHOWN);
        model.addAttribute("decisions", decided);
        model.addAttribute("days", RequestedApprovals.RECENT.toDays());
        model.addAttribute("campaignNames", campaignNames(decided.stream().map(ApprovalView::campaignId).toList()));
        return "approvals/fragments/home-section :: decisions";
    }

    private Map<UUID, String> campaignNames(Collection<UUID> ids) {
        Map<UUID, CampaignSnapshot> found = campaigns.findAll(ids);
        Map<UUID, String> names = new LinkedHashMap<>();
        ids.stream().distinct().forEach(id -> names.put(id, found.containsKey(id) ? found.get(id).name() : ""));
        return names;
    }
}
