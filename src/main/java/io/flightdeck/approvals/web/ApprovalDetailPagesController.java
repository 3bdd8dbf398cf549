package io.flightdeck.approvals.web;

import java.util.UUID;

import io.flightdeck.approvals.domain.ApprovalComments;
import io.flightdeck.approvals.domain.ApprovalLookup;
import io.flightdeck.approvals.domain.ApprovalRefused;
import io.flightdeck.approvals.domain.ApprovalSubjects;
import io.flightdeck.approvals.domain.ApprovalView;
import io.flightdeck.approvals.domain.ApprovalVoting;
import io.flightdeck.approvals.domain.ReviewerLinkView;
import io.flightdeck.approvals.domain.ReviewerLinks;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.FramedHtml;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One approval: its stages with approvers and quorum, the actions, the history, the comment thread and the external
 * reviewer links. The history pages and the comment and link forms answer htmx with their own section only.
 */
@Controller
class ApprovalDetailPagesController {

    private static final int HISTORY_PAGE = 15;

    private final ApprovalLookup lookup;
    private final ApprovalVoting voting;
    private final ApprovalComments comments;
    private final ReviewerLinks links;
    private final CampaignDirectory campaigns;
    private final PublicUrls urls;
    private final ApprovalSubjects subjects;

    ApprovalDetailPagesController(ApprovalLookup lookup, ApprovalVoting voting, ApprovalComments comments, ReviewerLinks links,
            CampaignDirectory campaigns, PublicUrls urls, ApprovalSubjects subjects) {
        this.lookup = lookup;
        this.voting = voting;
        this.comments = comments;
        this.links = links;
        this.campaigns = campaigns;
        this.urls = urls;
        this.subjects = subjects;
    }

    @GetMapping("/approvals/{id}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) Integer page, HttpServletRequest request,
            Model model) {
        if (Htmx.isHtmx(request)) {
            addHistory(id, page, model);
            return "approvals/detail :: history";
        }
        addPage(id, page, model);
        return "approvals/detail";
    }

    @PostMapping("/approvals/{id}/approve")
    @PreAuthorize("hasAnyRole('APPROVER', 'CONTRIBUTOR')")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        ApprovalView before = lookup.get(id);
        return act(id, redirect, () -> ApprovalDisplay.approvedMessage(before, voting.approve(id, comment)));
    }

    @PostMapping("/approvals/{id}/reject")
    @PreAuthorize("hasAnyRole('APPROVER', 'CONTRIBUTOR')")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            try {
                return voting.reject(id, reason).title() + " rejected";
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.field(), "Not rejected: the reason " + e.getMessage());
            }
        });
    }

    @PostMapping("/approvals/{id}/request-review")
    String requestReview(@PathVariable UUID id, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> voting.requestReview(id, comment).title() + " is back in review");
    }

    @PostMapping("/approvals/{id}/comments")
    @PreAuthorize("hasAnyRole('APPROVER', 'CONTRIBUTOR')")
    String comment(@PathVariable UUID id, @RequestParam(required = false) UUID parentId,
            @RequestParam(required = false) String body, @RequestParam(defaultValue = "false") boolean changeRequest,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            comments.post(id, parentId, body, changeRequest);
        } catch (InvalidInputException e) {
            model.addAttribute("commentError", "The comment " + e.getMessage());
            model.addAttribute("commentParent", parentId);
            model.addAttribute("commentBody", body);
            model.addAttribute("commentChange", changeRequest);
            return commentsView(id, request, model);
        }
        model.addAttribute("commentNotice", changeRequest ? "Change request posted" : "Comment posted");
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.success(changeRequest ? "Change request posted" : "Comment posted"));
            return "redirect:/approvals/" + id + "#comments";
        }
        return commentsView(id, request, model);
    }

    @PostMapping("/approvals/{id}/comments/{commentId}/resolve")
    @PreAuthorize("hasAnyRole('APPROVER', 'CONTRIBUTOR')")
    String resolve(@PathVariable UUID id, @PathVariable UUID commentId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        comments.resolve(id, commentId);
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Marked as resolved"));
            return "redirect:/approvals/" + id + "#comments";
        }
        model.addAttribute("commentNotice", "Marked as resolved");
        return commentsView(id, request, model);
    }

    @PostMapping("/approvals/{id}/reviewer-links")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String createLink(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String email, @RequestParam(defaultValue = "false") boolean canApprove,
            @RequestParam(required = false) Integer days, HttpServletRequest request, Model model) {
        try {
            ReviewerLinkView created = links.create(id, name, email, canApprove, days);
            // The token is shown this once; the list never has it again, so no redirect (a flash would keep it).
            model.addAttribute("createdLink", created);
            model.addAttribute("createdUrl", urls.of(created.path()));
        } catch (InvalidInputException e) {
            model.addAttribute("linkError", e.field());
            model.addAttribute("linkErrorMessage", linkLabel(e.field()) + " " + e.getMessage());
            model.addAttribute("linkForm", new LinkFormValues(name, email, canApprove, days));
        }
        return linksView(id, request, model);
    }

    @PostMapping("/approvals/{id}/reviewer-links/{linkId}/revoke")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String revokeLink(@PathVariable UUID id, @PathVariable UUID linkId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        ReviewerLinkView revoked = links.revoke(id, linkId);
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.success("The link of " + revoked.reviewerName() + " no longer works"));
            return "redirect:/approvals/" + id + "#reviewer-links";
        }
        model.addAttribute("linkNotice", "The link of " + revoked.reviewerName() + " no longer works");
        return linksView(id, request, model);
    }

    /** What the link form shows again after an error. */
    record LinkFormValues(String name, String email, boolean canApprove, Integer days) {
    }

    private String act(UUID id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute(Flash.KEY, Flash.success(action.get()));
        } catch (ConflictException | InvalidInputException | ApprovalRefused e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/approvals/" + id;
    }

    private String commentsView(UUID id, HttpServletRequest request, Model model) {
        if (Htmx.isHtmx(request)) {
            model.addAttribute("approval", lookup.get(id));
            model.addAttribute("thread", comments.thread(id));
            addRoles(model);
            return "approvals/detail :: comments";
        }
        addPage(id, null, model);
        return "approvals/detail";
    }

    private String linksView(UUID id, HttpServletRequest request, Model model) {
        if (Htmx.isHtmx(request)) {
            model.addAttribute("approval", lookup.get(id));
            model.addAttribute("links", links.list(id));
            addRoles(model);
            return "approvals/detail :: links";
        }
        addPage(id, null, model);
        return "approvals/detail";
    }

    /** A preview's frame on the approval page (an email version): its own answer, with FramedHtml's policy. */
    @GetMapping("/approvals/frames/{id}/{part}")
    ResponseEntity<String> frame(@PathVariable UUID id, @PathVariable String part) {
        return subjects.framedHtml(id, part).map(FramedHtml::of).orElseThrow(() -> new NotFoundException("The preview"));
    }

    private void addPage(UUID id, Integer page, Model model) {
        ApprovalView approval = lookup.get(id);
        model.addAttribute("approval", approval);
        CampaignSnapshot campaign = campaigns.find(approval.campaignId()).orElse(null);
        model.addAttribute("campaign", campaign);
        model.addAttribute("campaignName", campaign == null ? "" : campaign.name());
        model.addAttribute("subject", subjects.of(id));
        model.addAttribute("thread", comments.thread(id));
        model.addAttribute("links", links.list(id));
        addHistory(id, page, model);
        addRoles(model);
    }

    private void addHistory(UUID id, Integer page, Model model) {
        model.addAttribute("approvalId", id);
        model.addAttribute("history", lookup.history(id, Paging.of(page, HISTORY_PAGE, Sort.unsorted())));
    }

    private static void addRoles(Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("me", actor.userId());
        model.addAttribute("canContribute", actor.role().includes(Role.CONTRIBUTOR));
        // Approvers comment on what is routed to them; the service has the last word on that.
        model.addAttribute("canComment", actor.role().includes(Role.CONTRIBUTOR) || actor.role().includes(Role.APPROVER));
    }

    private static String linkLabel(String field) {
        return switch (field) {
            case "name" -> "The reviewer's name";
            case "email" -> "The email";
            case "days" -> "Valid for (days)";
            default -> field;
        };
    }
}
