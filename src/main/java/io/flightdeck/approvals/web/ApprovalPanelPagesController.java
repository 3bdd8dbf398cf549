package io.flightdeck.approvals.web;

import java.util.UUID;

import io.flightdeck.approvals.Urgency;
import io.flightdeck.approvals.domain.ApprovalRefused;
import io.flightdeck.approvals.domain.ApprovalView;
import io.flightdeck.approvals.domain.ApprovalLookup;
import io.flightdeck.approvals.domain.ApprovalOpening;
import io.flightdeck.approvals.domain.ApprovalVoting;
import io.flightdeck.approvals.ApprovalGate;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approvals card on the campaign page: the publish gate, one card per scope with its stages and the viewer's
 * actions, and single items under review. Every action answers htmx with the card's body re-rendered (and a line for
 * the live region); without JavaScript it redirects back to the campaign page.
 */
@Controller
class ApprovalPanelPagesController {

    private static final int ITEMS_SHOWN = 10;
    /** Items named in the line that says what still waits; the rest are counted. */
    private static final int WAITING_NAMED = 3;

    private final ApprovalLookup lookup;
    private final ApprovalOpening opening;
    private final ApprovalVoting voting;
    private final ApprovalGate gate;
    private final CampaignDirectory campaigns;

    ApprovalPanelPagesController(ApprovalLookup lookup, ApprovalOpening opening, ApprovalVoting voting, ApprovalGate gate, CampaignDirectory campaigns) {
        this.lookup = lookup;
        this.opening = opening;
        this.voting = voting;
        this.gate = gate;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/approvals/panel")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "/tabs/approvals#approvals"; // the card has no page of its own
        }
        addPanel(id, model);
        return "approvals/fragments/panel :: panel";
    }

    @PostMapping("/campaigns/{id}/approvals/start")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String start(@PathVariable UUID id, @RequestParam(required = false) Urgency urgency, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        opening.initialize(id, urgency);
        return done(id, "Approvals started", request, model, redirect);
    }

    @PostMapping("/campaigns/{id}/approvals/{approvalId}/approve")
    @PreAuthorize("hasAnyRole('APPROVER', 'CONTRIBUTOR')")
    String approve(@PathVariable UUID id, @PathVariable UUID approvalId, @RequestParam(required = false) String comment,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ApprovalView approval = ofCampaign(id, approvalId);
        try {
            ApprovalView after = voting.approve(approvalId, comment);
            return done(id, ApprovalDisplay.approvedMessage(approval, after), request, model, redirect);
        } catch (ConflictException | InvalidInputException | ApprovalRefused e) {
            return failed(id, e.getMessage(), request, model, redirect);
        }
    }

    @PostMapping("/campaigns/{id}/approvals/{approvalId}/reject")
    @PreAuthorize("hasAnyRole('APPROVER', 'CONTRIBUTOR')")
    String reject(@PathVariable UUID id, @PathVariable UUID approvalId, @RequestParam(required = false) String reason,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        ApprovalView approval = ofCampaign(id, approvalId);
        try {
            voting.reject(approvalId, reason);
            return done(id, approval.title() + " rejected", request, model, redirect);
        } catch (InvalidInputException e) {
            if (!Htmx.isHtmx(request)) {
                return failed(id, "Say why it is rejected: the reason " + e.getMessage(), request, model, redirect);
            }
            // The reason form stays open under the card, with the message beside the field.
            addPanel(id, model);
            model.addAttribute("rejecting", approvalId);
            model.addAttribute("rejectError", "The reason " + e.getMessage());
            model.addAttribute("reason", reason);
            return "approvals/fragments/panel :: update";
        } catch (ConflictException e) {
            return failed(id, e.getMessage(), request, model, redirect);
        }
    }

    @PostMapping("/campaigns/{id}/approvals/{approvalId}/request-review")
    String requestReview(@PathVariable UUID id, @PathVariable UUID approvalId,
            @RequestParam(required = false) String comment, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ApprovalView approval = ofCampaign(id, approvalId);
        try {
            voting.requestReview(approvalId, comment);
            return done(id, approval.title() + " is back in review", request, model, redirect);
        } catch (ConflictException | InvalidInputException | ApprovalRefused e) {
            return failed(id, e.getMessage(), request, model, redirect);
        }
    }

    private void addPanel(UUID id, Model model) {
        CampaignSnapshot campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("The campaign"));
        model.addAttribute("campaign", campaign);
        model.addAttribute("approvals", lookup.forCampaign(id));
        model.addAttribute("check", gate.check(id));
        model.addAttribute("items", lookup.items(id, PageRequest.of(0, ITEMS_SHOWN)));
        model.addAttribute("waiting", lookup.waitingItems(id, PageRequest.of(0, WAITING_NAMED)));
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("defaultUrgency", Urgency.of(campaign.priority()));
        model.addAttribute("canStart", CurrentActor.require().role().includes(Role.CONTRIBUTOR));
    }

    /** An approval of another campaign (or workspace) is not found here, whatever its id. */
    private ApprovalView ofCampaign(UUID campaignId, UUID approvalId) {
        ApprovalView approval = lookup.get(approvalId);
        if (!approval.campaignId().equals(campaignId)) {
            throw new NotFoundException("The approval");
        }
        return approval;
    }

    private String done(UUID id, String message, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.success(message));
            return "redirect:/campaigns/" + id + "/tabs/approvals#approvals";
        }
        addPanel(id, model);
        model.addAttribute("notice", message);
        return "approvals/fragments/panel :: update";
    }

    private String failed(UUID id, String message, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(message));
            return "redirect:/campaigns/" + id + "/tabs/approvals#approvals";
        }
        addPanel(id, model);
        model.addAttribute("error", message);
        return "approvals/fragments/panel :: update";
    }
}
