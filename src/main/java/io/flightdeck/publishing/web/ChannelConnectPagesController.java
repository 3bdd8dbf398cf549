package io.flightdeck.publishing.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelConnects;
import io.flightdeck.publishing.channels.ChannelConnects.ConnectOutcome;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Connecting an account through its network's sign-in: the button on the channels page sends the person to the
 * network; the network sends them back to the callback; when the permission covers several accounts (a LinkedIn
 * member's organizations) they pick which to connect. Every failure lands on the channels page in plain words.
 */
@Controller
class ChannelConnectPagesController {

    private final ChannelConnects connects;

    ChannelConnectPagesController(ChannelConnects connects) {
        this.connects = connects;
    }

    @PostMapping("/channels/connect/{network}")
    @PreAuthorize("hasRole('ADMIN')")
    String start(@PathVariable String network, @RequestParam(required = false) String timeZone,
            RedirectAttributes redirect) {
        try {
            return "redirect:" + connects.start(network, timeZone).authorizationUrl();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
            return "redirect:/channels";
        }
    }

    @GetMapping("/channels/oauth/{network}/callback")
    String callback(@PathVariable String network, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            RedirectAttributes redirect) {
        try {
            ConnectOutcome outcome = connects.complete(network, state, code, error, errorDescription);
            if (outcome.needsChoice()) {
                return "redirect:/channels/connect/" + outcome.requestId();
            }
            redirect.addFlashAttribute(Flash.KEY, Flash.success(connected(outcome.connected())));
        } catch (InvalidInputException | ConflictException | ChannelException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("The account was not connected. " + e.getMessage()));
        }
        return "redirect:/channels";
    }

    @GetMapping("/channels/connect/{requestId}")
    @PreAuthorize("hasRole('ADMIN')")
    String choice(@PathVariable UUID requestId, Model model) {
        model.addAttribute("outcome", connects.pending(requestId));
        return "publishing/connect-choose";
    }

    @PostMapping("/channels/connect/{requestId}/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String choose(@PathVariable UUID requestId, @RequestParam(name = "externalId", required = false) List<String> picked,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(Flash.KEY, Flash.success(connected(connects.choose(requestId, picked))));
            return "redirect:/channels";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
            return "redirect:/channels/connect/" + requestId;
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
            return "redirect:/channels";
        }
    }

    private static String connected(List<ChannelAccountView> accounts) {
        return "Connected " + accounts.stream().map(a -> a.displayName() + " (" + a.networkName() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }
}
