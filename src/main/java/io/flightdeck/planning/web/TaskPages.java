package io.flightdeck.planning.web;

import java.util.List;

import io.flightdeck.planning.tasks.TaskStatus;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every task page needs: the viewer's rights and the statuses in board order. */
final class TaskPages {

    static final List<TaskStatus> STATUSES = List.of(TaskStatus.values());

    private TaskPages() {
    }

    static void addRoles(Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("me", actor.userId());
        model.addAttribute("canEdit", actor.role().includes(Role.CONTRIBUTOR));
        model.addAttribute("canAssign", actor.role().includes(Role.MANAGER));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("priorities", io.flightdeck.campaigns.CampaignPriority.values());
    }

    static String back(RedirectAttributes redirect, Flash flash, String path) {
        redirect.addFlashAttribute(Flash.KEY, flash);
        return "redirect:" + path;
    }
}
