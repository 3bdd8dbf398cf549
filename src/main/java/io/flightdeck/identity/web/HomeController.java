package io.flightdeck.identity.web;

import io.flightdeck.identity.domain.ApiKeys;
import io.flightdeck.identity.domain.Invitations;
import io.flightdeck.identity.domain.Members;
import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a welcome and the first steps for a new workspace. */
@Controller
class HomeController {

    private final Workspaces workspaces;
    private final Members members;
    private final Invitations invitations;
    private final ApiKeys apiKeys;

    HomeController(Workspaces workspaces, Members members, Invitations invitations, ApiKeys apiKeys) {
        this.workspaces = workspaces;
        this.members = members;
        this.invitations = invitations;
        this.apiKeys = apiKeys;
    }

    @GetMapping("/")
    String home(Model model) {
        long memberCount = members.page(Paging.of(0, 1, Sort.unsorted())).getTotalElements();
        model.addAttribute("workspace", workspaces.current());
        model.addAttribute("memberCount", memberCount);
        model.addAttribute("pendingInvitations", invitations.pending(Paging.of(0, 1, Sort.unsorted())).getTotalElements());
        model.addAttribute("hasTeam", memberCount > 1);
        model.addAttribute("hasApiKey", apiKeys.list(false, Paging.of(0, 1, Sort.unsorted())).hasContent());
        model.addAttribute("isAdmin", CurrentActor.require().role().includes(Role.ADMIN));
        return "identity/home";
    }
}
