package io.flightdeck.notifications.web;

import io.flightdeck.notifications.slack.SlackConnections;
import io.flightdeck.notifications.slack.SlackLinks;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Slack for admins (install the app, or connect an incoming webhook; disconnect; Slack's OAuth callback),
 * and the Slack card of “My notifications”, where each member finds and confirms themself.
 */
@Controller
class SlackPagesController {

    private static final String SETTINGS = "redirect:/settings/slack";
    private static final String MINE = "redirect:/notifications/preferences#slack";

    private final SlackConnections connections;
    private final SlackLinks links;
    private final PublicUrls urls;

    SlackPagesController(SlackConnections connections, SlackLinks links, PublicUrls urls) {
        this.connections = connections;
        this.links = links;
        this.urls = urls;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/settings/slack")
    String page(Model model) {
        model.addAttribute("slack", connections.view());
        return "notifications/slack";
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/settings/slack/install")
    String install(RedirectAttributes redirect) {
        try {
            return "redirect:" + connections.installUrl(urls.of(SlackApiController.CALLBACK));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
            return SETTINGS;
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping(SlackApiController.CALLBACK)
    String callback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
            @RequestParam(required = false) String error, RedirectAttributes redirect) {
        try {
            var view = connections.completeInstall(state, code, error, urls.of(SlackApiController.CALLBACK));
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Slack connected: " + view.teamName()
                    + ". Members link themselves in My notifications."));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return SETTINGS;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/settings/slack/webhook")
    String webhook(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String channel,
            RedirectAttributes redirect) {
        try {
            connections.useWebhook(url, channel);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Webhook connected: a first message is in Slack"));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Not connected: " + e.getMessage()));
        }
        return SETTINGS;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/settings/slack/disconnect")
    String disconnect(RedirectAttributes redirect) {
        connections.disconnect();
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Slack disconnected: nothing more is sent there"));
        return SETTINGS;
    }

    @PostMapping("/notifications/slack/find")
    String find(RedirectAttributes redirect) {
        try {
            var link = links.find();
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Slack found “" + link.slackName()
                    + "”: confirm below if that is you"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return MINE;
    }

    @PostMapping("/notifications/slack/confirm")
    String confirm(RedirectAttributes redirect) {
        try {
            links.confirm();
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Linked to Slack: what you choose for Slack reaches you there"));
        } catch (ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return MINE;
    }

    @PostMapping("/notifications/slack/unlink")
    String unlink(RedirectAttributes redirect) {
        links.unlink();
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Unlinked from Slack: nothing more reaches you there"));
        return MINE;
    }
}
