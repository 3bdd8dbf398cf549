package io.flightdeck.notifications.web;

import java.util.UUID;

import io.flightdeck.notifications.domain.Follows;
import io.flightdeck.shared.web.Flash;
import io.flightdeck.shared.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The follow card on a campaign's overview: follow or stop following, in place. */
@Controller
class FollowPagesController {

    private final Follows follows;

    FollowPagesController(Follows follows) {
        this.follows = follows;
    }

    @GetMapping("/campaigns/{id}/follow/panel")
    String panel(@PathVariable UUID id, HttpServletRequest request, Model model) {
        if (!Htmx.isHtmx(request)) {
            return "redirect:/campaigns/" + id + "#follow"; // the card has no page of its own
        }
        model.addAttribute("state", follows.state(id));
        return "notifications/follow :: panel";
    }

    @PostMapping("/campaigns/{id}/follow")
    String follow(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean follow, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        Follows.FollowState state = follow ? follows.follow(id) : follows.unfollow(id);
        if (!Htmx.isHtmx(request)) {
            redirect.addFlashAttribute(Flash.KEY, Flash.success(state.following() ? "You follow this campaign"
                    : "You no longer follow this campaign"));
            return "redirect:/campaigns/" + id;
        }
        model.addAttribute("state", state);
        model.addAttribute("notice", state.following() ? "You follow this campaign." : "You no longer follow this campaign.");
        return "notifications/follow :: panel";
    }
}
