package io.flightdeck.identity.web;

import io.flightdeck.identity.domain.ApiKeys;
import io.flightdeck.identity.domain.Invitations;
import io.flightdeck.identity.domain.Members;
import io.flightdeck.identity.domain.Workspaces;
import java.util.Comparator;

import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.HomeSection;
import io.flightdeck.shared.web.WorkspaceContent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: while the workspace is empty, a welcome and the first steps; once any module says it holds work
 * ({@link WorkspaceContent}), the sections other modules declare ({@link HomeSection}): what needs the member.
 */
@Controller
class HomeController {

    private final Workspaces workspaces;
    private final Members members;
    private final Invitations invitations;
    private final ApiKeys apiKeys;
    private final ObjectProvider<HomeSection> sections;
    private final ObjectProvider<WorkspaceContent> contents;

    HomeController(Workspaces workspaces, Members members, Invitations invitations, ApiKeys apiKeys,
            ObjectProvider<HomeSection> sections, ObjectProvider<WorkspaceContent> contents) {
        this.workspaces = workspaces;
        this.members = members;
        this.invitations = invitations;
        this.apiKeys = apiKeys;
        this.sections = sections;
        this.contents = contents;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("workspace", workspaces.current());
        model.addAttribute("isAdmin", actor.role().includes(Role.ADMIN));
        long memberCount = members.page(Paging.of(0, 1, Sort.unsorted())).getTotalElements();
        model.addAttribute("memberCount", memberCount);
        if (contents.stream().anyMatch(WorkspaceContent::exists)) {
            model.addAttribute("sections", sections.stream()
                    .filter(section -> actor.role().includes(section.minimumRole()))
                    .sorted(Comparator.comparingInt(HomeSection::order)).toList());
            return "identity/home";
        }
        model.addAttribute("pendingInvitations", invitations.pending(Paging.of(0, 1, Sort.unsorted())).getTotalElements());
        model.addAttribute("hasTeam", memberCount > 1);
        model.addAttribute("hasApiKey", apiKeys.list(false, Paging.of(0, 1, Sort.unsorted())).hasContent());
        return "identity/home";
    }
}
