package io.flightdeck.identity.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.identity.domain.Invitations;
import io.flightdeck.identity.domain.MemberView;
import io.flightdeck.identity.domain.Members;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The members page: who is in the workspace, pending invitations, inviting, changing roles, removing. */
@Controller
class MembersPageController {

    private final Members members;
    private final Invitations invitations;
    private final PublicUrls publicUrls;

    MembersPageController(Members members, Invitations invitations, PublicUrls publicUrls) {
        this.members = members;
        this.invitations = invitations;
        this.publicUrls = publicUrls;
    }

    record InviteForm(@NotBlank(message = "Enter an email address") @Email(message = "Enter a valid email address") String email,
            @NotNull(message = "Choose a role") Role role) {
    }

    @GetMapping("/members")
    String page(@RequestParam(required = false) Integer page, Model model) {
        if (!model.containsAttribute("inviteForm")) {
            model.addAttribute("inviteForm", new InviteForm("", Role.CONTRIBUTOR));
        }
        return render(page, model);
    }

    @PostMapping("/members/invitations")
    @PreAuthorize("hasRole('ADMIN')")
    String invite(@Valid @ModelAttribute("inviteForm") InviteForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return render(0, model);
        }
        try {
            Invitations.Issued issued = invitations.invite(form.email(), form.role());
            redirect.addFlashAttribute("inviteLink", publicUrls.of("/invitations/" + issued.token()));
            redirect.addFlashAttribute("invitedEmail", issued.invitation().email());
        } catch (ConflictException e) {
            errors.rejectValue("email", e.type(), e.getMessage());
            return render(0, model);
        } catch (AccessDeniedException e) {
            errors.rejectValue("role", "forbidden", "Only an owner can invite another owner");
            return render(0, model);
        }
        return "redirect:/members";
    }

    @PostMapping("/members/invitations/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    String revokeInvitation(@PathVariable UUID id, RedirectAttributes redirect) {
        invitations.revoke(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Invitation withdrawn"));
        return "redirect:/members";
    }

    @PostMapping("/members/{id}/role")
    @PreAuthorize("hasRole('ADMIN')")
    String changeRole(@PathVariable UUID id, @RequestParam Role role, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        String error = null;
        try {
            members.changeRole(id, role, null);
        } catch (ConflictException e) {
            error = e.getMessage();
        } catch (AccessDeniedException e) {
            error = "Only an owner can grant or take away the owner role";
        }
        if (Htmx.isHtmx(request)) {
            model.addAttribute("m", members.get(id));
            model.addAttribute("rowError", error);
            model.addAttribute("rowSaved", error == null);
            addRoles(model);
            return "identity/fragments/member-row :: member-row";
        }
        redirect.addFlashAttribute(Flash.KEY, error == null ? Flash.success("Role changed") : Flash.error(error));
        return "redirect:/members";
    }

    @PostMapping("/members/{id}/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String remove(@PathVariable UUID id, RedirectAttributes redirect) {
        MemberView member = members.get(id);
        try {
            members.remove(id);
            redirect.addFlashAttribute(Flash.KEY, Flash.success(member.displayName() + " was removed from the workspace"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Only an owner can remove an owner"));
        }
        return "redirect:/members";
    }

    private String render(Integer page, Model model) {
        Page<MemberView> memberPage = members.page(Paging.of(page, 25, Sort.by("user.displayName", "id")));
        model.addAttribute("members", memberPage);
        boolean admin = CurrentActor.require().role().includes(Role.ADMIN);
        model.addAttribute("canManage", admin);
        model.addAttribute("invitations", admin ? invitations.pending(Paging.of(0, 50, Sort.unsorted())).getContent() : List.of());
        addRoles(model);
        return "identity/members";
    }

    private static void addRoles(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("canManage", CurrentActor.require().role().includes(Role.ADMIN));
        model.addAttribute("me", CurrentActor.require().userId());
    }
}
