package io.flightdeck.approvals.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.domain.ApprovalRefused;
import io.flightdeck.approvals.domain.ApprovalDelegations;
import io.flightdeck.approvals.domain.ApprovalView;
import io.flightdeck.approvals.domain.ApprovalLookup;
import io.flightdeck.approvals.domain.ApprovalInbox;
import io.flightdeck.approvals.domain.ApprovalVoting;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approver's inbox: what waits for the signed-in member, overdue first, decided in place (the row turns into a
 * confirmation), and the delegations they gave or received.
 */
@Controller
class ApprovalInboxPagesController {

    private static final int PAGE_SIZE = 20;

    private final ApprovalLookup lookup;
    private final ApprovalInbox inbox;
    private final ApprovalVoting voting;
    private final ApprovalDelegations delegations;
    private final CampaignDirectory campaigns;
    private final MemberDirectory members;
    private final Clock clock;

    ApprovalInboxPagesController(ApprovalLookup lookup, ApprovalInbox inbox, ApprovalVoting voting, ApprovalDelegations delegations, CampaignDirectory campaigns,
            MemberDirectory members, Clock clock) {
        this.lookup = lookup;
        this.inbox = inbox;
        this.voting = voting;
        this.delegations = delegations;
        this.campaigns = campaigns;
        this.members = members;
        this.clock = clock;
    }

    @GetMapping("/approvals")
    String inbox(@RequestParam(required = false) Integer page, HttpServletRequest request, Model model) {
        addInbox(page, model);
        if (!Htmx.isHtmx(request)) {
            addDelegations(DelegationForm.empty(LocalDate.now(clock.withZone(DelegationForm.zone()))), model);
        }
        return Htmx.view(request, "approvals/inbox", "results");
    }

    /** The "N waiting for you" line, reloaded after any action on the page (a row's decision among them). */
    @GetMapping("/approvals/inbox/count")
    String count(Model model) {
        model.addAttribute("waiting", inbox.inbox(Paging.of(0, 1, Sort.unsorted())).getTotalElements());
        return "approvals/inbox :: countText";
    }

    @PostMapping("/approvals/inbox/{id}/approve")
    @PreAuthorize("hasAnyRole('APPROVER', 'CONTRIBUTOR')")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String comment, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        ApprovalView approval = lookup.get(id);
        try {
            voting.approve(id, comment);
            return decided(approval, "Approved", request, model, redirect);
        } catch (ConflictException | InvalidInputException | ApprovalRefused e) {
            return refused(approval, e.getMessage(), null, request, model, redirect);
        }
    }

    @PostMapping("/approvals/inbox/{id}/reject")
    @PreAuthorize("hasAnyRole('APPROVER', 'CONTRIBUTOR')")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        ApprovalView approval = lookup.get(id);
        try {
            voting.reject(id, reason);
            return decided(approval, "Rejected", request, model, redirect);
        } catch (InvalidInputException e) {
            return refused(approval, "The reason " + e.getMessage(), "reason", request, model, redirect);
        } catch (ConflictException e) {
            return refused(approval, e.getMessage(), null, request, model, redirect);
        }
    }

    @PostMapping("/approvals/delegations")
    String delegate(@ModelAttribute("delegation") DelegationForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            // Only a hand-made request sends a malformed date or id; the record did not bind, so start the form again.
            DelegationForm fresh = DelegationForm.empty(LocalDate.now(clock.withZone(DelegationForm.zone())));
            BindingResult errors = new BeanPropertyBindingResult(fresh, "delegation");
            binding.getFieldErrors().forEach(e -> errors.rejectValue(e.getField(), "invalid", "is not valid"));
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "delegation", errors);
            return inboxWith(fresh, model);
        }
        try {
            var saved = delegations.delegate(form.delegateId(), form.startsAt(), form.endsAt(), form.note());
            redirect.addFlashAttribute(Flash.KEY, Flash.success(saved.delegate() + " approves for you until " + form.until()));
            return "redirect:/approvals#delegations";
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> binding.rejectValue(formField(p.field()), "invalid", p.message()));
            return inboxWith(form, model);
        } catch (ApprovalRefused e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
            return "redirect:/approvals#delegations";
        }
    }

    @PostMapping("/approvals/delegations/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        var revoked = delegations.revoke(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Delegation to " + revoked.delegate() + " ended"));
        return "redirect:/approvals#delegations";
    }

    private String inboxWith(DelegationForm form, Model model) {
        addInbox(null, model);
        addDelegations(form, model);
        return "approvals/inbox";
    }

    private void addInbox(Integer page, Model model) {
        Page<ApprovalView> waiting = inbox.inbox(Paging.of(page, PAGE_SIZE, Sort.unsorted()));
        model.addAttribute("inbox", waiting);
        model.addAttribute("campaignNames", campaignNames(waiting.getContent().stream().map(ApprovalView::campaignId).toList()));
    }

    private void addDelegations(DelegationForm form, Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("delegation", form);
        model.addAttribute("delegations", delegations.mine());
        model.addAttribute("me", actor.userId());
        model.addAttribute("canDelegate", delegations.canDelegate());
        model.addAttribute("viewer", actor.role() == Role.VIEWER);
        // Viewers cannot stand in for anyone, so they are not offered.
        model.addAttribute("standIns", members.members().stream()
                .filter(m -> !m.userId().equals(actor.userId()) && m.role() != Role.VIEWER).toList());
    }

    private Map<UUID, String> campaignNames(Collection<UUID> ids) {
        Map<UUID, CampaignSnapshot> found = campaigns.findAll(ids);
        Map<UUID, String> names = new LinkedHashMap<>();
        ids.stream().distinct().forEach(id -> names.put(id, found.containsKey(id) ? found.get(id).name() : ""));
        return names;
    }

    private String decided(ApprovalView approval, String outcome, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.success(approval.title() + ": " + outcome.toLowerCase()));
            return "redirect:/approvals";
        }
        model.addAttribute("a", approval);
        model.addAttribute("outcome", outcome);
        model.addAttribute("campaignNames", campaignNames(java.util.List.of(approval.campaignId())));
        return "approvals/fragments/inbox-row :: decided";
    }

    /** The row again, with the reason the action was refused under its buttons. */
    private String refused(ApprovalView approval, String message, String field, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(message));
            return "redirect:/approvals";
        }
        model.addAttribute("a", lookup.get(approval.id()));
        model.addAttribute("rowError", message);
        model.addAttribute("rowErrorField", field);
        model.addAttribute("campaignNames", campaignNames(java.util.List.of(approval.campaignId())));
        return "approvals/fragments/inbox-row :: row";
    }

    private static String formField(String field) {
        return switch (field) {
            case "startsAt" -> "from";
            case "endsAt" -> "until";
            default -> field;
        };
    }
}
