package io.flightdeck.publishing.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelAdapter;
import io.flightdeck.publishing.channels.OAuthChannelAdapter;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.ChannelAccounts.AccountDraft;
import io.flightdeck.publishing.channels.ChannelAdapters;
import io.flightdeck.publishing.channels.SandboxMode;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The channels page: accounts with their health; connect, set up and disconnect. */
@Controller
class ChannelPagesController {

    static final List<Channel> SOCIAL = List.copyOf(EnumSet.of(Channel.LINKEDIN, Channel.TWITTER, Channel.INSTAGRAM,
            Channel.FACEBOOK, Channel.TIKTOK, Channel.YOUTUBE));

    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;

    ChannelPagesController(ChannelAccounts accounts, ChannelAdapters adapters) {
        this.accounts = accounts;
        this.adapters = adapters;
    }

    static boolean can(Role role) {
        return CurrentActor.find().map(a -> a.role().includes(role)).orElse(false);
    }

    @GetMapping("/channels")
    String list(Model model) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("networks", adapters.all());
        List<ChannelAdapter> oauth = adapters.all().stream().filter(a -> a instanceof OAuthChannelAdapter).toList();
        model.addAttribute("oauthNetworks", oauth);
        model.addAttribute("connectable", oauth.stream().filter(ChannelAdapter::available)
                .map(ChannelAdapter::network).toList());
        model.addAttribute("channels", SOCIAL);
        model.addAttribute("modes", SandboxMode.values());
        model.addAttribute("zone", CurrentActor.zone().getId());
        model.addAttribute("canEdit", can(Role.ADMIN));
        return "publishing/channels";
    }

    @PostMapping("/channels/sandbox")
    @PreAuthorize("hasRole('ADMIN')")
    String connectSandbox(@RequestParam String displayName, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String timeZone, @RequestParam(defaultValue = "NORMAL") String mode,
            @RequestParam(required = false) String postsPerDay, RedirectAttributes redirect) {
        try {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("mode", mode);
            settings.put("postsPerDay", postsPerDay);
            accounts.connectSandbox(new AccountDraft(displayName, channel, timeZone, settings));
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Sandbox account connected."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/channels";
    }

    @PostMapping("/channels/{id}/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(@PathVariable UUID id, @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String postsPerDay,
            RedirectAttributes redirect) {
        try {
            // the form shows the behaviour and the limit; other settings (lookup, set through the API) are kept
            Map<String, Object> settings = new LinkedHashMap<>(accounts.get(id).settings());
            if (mode != null) {
                settings.put("mode", mode);
            }
            if (postsPerDay != null) {
                settings.put("postsPerDay", postsPerDay);
            }
            boolean changed = mode != null || postsPerDay != null;
            accounts.update(id, new AccountDraft(null, null, timeZone, changed ? settings : null), null);
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Account saved."));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        return "redirect:/channels";
    }

    @PostMapping("/channels/{id}/disconnect")
    @PreAuthorize("hasRole('ADMIN')")
    String disconnect(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.disconnect(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Account disconnected; its scheduled posts wait for another."));
        return "redirect:/channels";
    }
}
