package io.flightdeck.publishing.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.CreativeCopy;
import io.flightdeck.content.CreativeCopy.PostCopy;
import io.flightdeck.content.NetworkPostPreview;
import io.flightdeck.content.NetworkPostPreview.PreviewMedia;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.PostOptionsView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.posts.SocialScheduler;
import io.flightdeck.publishing.posts.SocialScheduler.ScheduleCommand;
import io.flightdeck.publishing.posts.SocialScheduler.Target;
import io.flightdeck.publishing.posts.TimeAdvice;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The composer: a post starts from a creative (each network's copy as that network will post it, the media that suit
 * it) or from a text, goes to the accounts ticked, at the best time shown with its reason, a chosen time, now, or
 * after what is already queued. A refused post comes back with everything typed and every problem at its field.
 */
@Controller
@PreAuthorize("hasRole('CONTRIBUTOR')")
class ComposerPagesController {

    private final SocialScheduler scheduler;
    private final ChannelAccounts accounts;
    private final CampaignDirectory campaigns;
    private final CreativeCopy creatives;
    private final AssetDirectory assets;
    private final Clock clock;

    ComposerPagesController(SocialScheduler scheduler, ChannelAccounts accounts, CampaignDirectory campaigns,
            CreativeCopy creatives, AssetDirectory assets, Clock clock) {
        this.scheduler = scheduler;
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.creatives = creatives;
        this.assets = assets;
        this.clock = clock;
    }

    /** One network's part of the composer: the copy it will post (as typed, or the creative's), its media and preview. */
    public record NetworkCopy(Channel channel, String label, String text, NetworkPostPreview preview) {

        public String field() {
            return "text_" + channel.name();
        }
    }

    @GetMapping("/campaigns/{id}/compose")
    String compose(@PathVariable UUID id, @RequestParam(required = false) UUID creative, Model model) {
        return page(id, creative, Map.of(), List.of(), new LinkedHashMap<>(), model);
    }

    @PostMapping("/campaigns/{id}/compose")
    String schedule(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
            RedirectAttributes redirect) {
        UUID creative = uuid(form.getFirst("creativeId"));
        Map<String, String> errors = new LinkedHashMap<>();
        List<UUID> chosen = new ArrayList<>();
        for (String a : form.getOrDefault("accountIds", List.of())) {
            UUID account = uuid(a);
            if (account != null) {
                chosen.add(account);
            }
        }
        if (chosen.isEmpty()) {
            errors.put("accountIds", "Tick at least one account to post to.");
        }
        String when = form.getFirst("when") == null ? "best" : form.getFirst("when");
        Instant at = null;
        if ("at".equals(when)) {
            at = localTime(form.getFirst("at"), errors);
        } else if ("now".equals(when)) {
            at = clock.instant();
        }
        String text = form.getFirst("text");
        if (creative == null && (text == null || text.isBlank())) {
            errors.put("text", "Write the post's text, or start from a creative.");
        }
        if (!errors.isEmpty()) {
            return page(id, creative, form.toSingleValueMap(), form.getOrDefault("accountIds", List.of()), errors, model);
        }
        Map<UUID, ChannelAccountView> found = accounts.find(chosen);
        Map<UUID, PostOptionsView> offered = ComposerOptions.offered(accounts, chosen.stream().map(found::get)
                .filter(a -> a != null && a.canPost()).toList());
        List<Target> targets = new ArrayList<>();
        for (UUID account : chosen) {
            ChannelAccountView a = found.get(account);
            String own = a == null || creative == null ? null : form.getFirst("text_" + a.channel().name());
            Instant time = at;
            if ("queue".equals(when) && a != null) {
                time = scheduler.advise(id, account, true).at();
            }
            targets.add(new Target(account, own, null, time, ComposerOptions.chosen(offered.get(account), form, errors)));
        }
        if (!errors.isEmpty()) {
            return page(id, creative, form.toSingleValueMap(), form.getOrDefault("accountIds", List.of()), errors, model);
        }
        try {
            var post = scheduler.schedule(new ScheduleCommand(id, creative, intOrNull(form.getFirst("creativeVersion")),
                    null, targets, at, creative == null ? text : null, blankToNull(form.getFirst("firstComment")), null,
                    null));
            redirect.addFlashAttribute(Flash.KEY, Flash.success("Scheduled “" + post.title() + "” to "
                    + post.channels().size() + (post.channels().size() == 1 ? " account." : " accounts.")));
            return "redirect:/campaigns/" + id + "/tabs/posts#social";
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> errors.put(field(p.field(), chosen, found), p.message()));
            if (e.problems().isEmpty()) {
                errors.put("form", e.getMessage());
            }
        } catch (ConflictException e) {
            errors.put("form", e.getMessage());
        }
        return page(id, creative, form.toSingleValueMap(), form.getOrDefault("accountIds", List.of()), errors, model);
    }

    private String page(UUID campaignId, UUID creativeId, Map<String, String> typed, List<String> chosen,
            Map<String, String> errors, Model model) {
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        List<ChannelAccountView> postable = accounts.list().stream().filter(ChannelAccountView::canPost).toList();
        List<NetworkCopy> networks = new ArrayList<>();
        Integer version = null;
        String title = null;
        // a creative's first view ticks the accounts of the networks it is written for; after that, what was ticked
        List<String> ticked = new ArrayList<>(chosen);
        for (Channel channel : postable.stream().map(ChannelAccountView::channel).distinct().sorted().toList()) {
            PostCopy copy = creativeId == null ? null : creatives.forChannel(creativeId, channel)
                    .filter(c -> c.campaignId().equals(campaignId)).orElse(null);
            if (creativeId != null && copy == null) {
                throw new NotFoundException("Creative");
            }
            String text = creativeId == null ? typed.getOrDefault("text", "")
                    : typed.getOrDefault("text_" + channel.name(), copy.text());
            ChannelAccountView first = postable.stream().filter(a -> a.channel() == channel).findFirst().orElseThrow();
            networks.add(new NetworkCopy(channel, channel.label(), text,
                    preview(first, text, typed.get("firstComment"), copy == null ? List.of() : copy.media())));
            if (copy != null) {
                version = copy.revision();
                title = copy.title();
                if (typed.isEmpty() && copy.networks().contains(channel)) {
                    postable.stream().filter(a -> a.channel() == channel).forEach(a -> ticked.add(a.id().toString()));
                }
            }
        }
        Map<UUID, TimeAdvice> best = new LinkedHashMap<>();
        for (ChannelAccountView a : postable) {
            try {
                best.put(a.id(), scheduler.advise(campaignId, a.id(), false));
            } catch (ConflictException full) {
                // no free time within a year: the account's line says so instead of a time
            }
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("creativeId", creativeId);
        model.addAttribute("creativeTitle", title);
        model.addAttribute("creativeVersion", typed.getOrDefault("creativeVersion", version == null ? null : version.toString()));
        model.addAttribute("accounts", postable);
        model.addAttribute("networks", networks);
        model.addAttribute("best", best);
        model.addAttribute("options", ComposerOptions.offered(accounts, postable));
        model.addAttribute("typed", typed);
        model.addAttribute("chosen", ticked);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", CurrentActor.zone().getId());
        return "publishing/compose";
    }

    /** One network's post as it will be sent, for the composer's live preview as the person types. */
    @PostMapping("/campaigns/{id}/compose/preview")
    String livePreview(@PathVariable UUID id, @RequestParam Channel channel, @RequestParam(required = false) UUID creativeId,
            @RequestParam MultiValueMap<String, String> form, Model model) {
        String text = creativeId == null ? form.getFirst("text") : form.getFirst("text_" + channel.name());
        List<UUID> media = creativeId == null ? List.of() : creatives.forChannel(creativeId, channel)
                .filter(c -> c.campaignId().equals(id)).map(PostCopy::media).orElse(List.of());
        ChannelAccountView first = accounts.list().stream().filter(a -> a.channel() == channel && a.canPost()).findFirst()
                .orElseThrow(() -> new NotFoundException("Account"));
        model.addAttribute("preview", preview(first, text == null ? "" : text, form.getFirst("firstComment"), media));
        return "publishing/fragments-compose :: live-preview";
    }

    private NetworkPostPreview preview(ChannelAccountView account, String text, String firstComment, List<UUID> media) {
        return NetworkPostPreview.of(account.channel(), account.networkName(), account.displayName(), account.handle(),
                text, firstComment, PreviewMedia.of(media, media.isEmpty() ? Map.of() : assets.find(media)), null);
    }

    /** A target's field ({@code targets[1].text}) becomes the form's field for that account's network. */
    private static String field(String problem, List<UUID> chosen, Map<UUID, ChannelAccountView> found) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("targets\\[(\\d+)]\\.(\\w+)").matcher(problem);
        if (!m.matches()) {
            return problem.startsWith("mediaAssetIds") ? "form" : problem;
        }
        int i = Integer.parseInt(m.group(1));
        ChannelAccountView a = i < chosen.size() ? found.get(chosen.get(i)) : null;
        return switch (m.group(2)) {
            case "text" -> a == null ? "text" : "text_" + a.channel().name();
            case "at" -> "at";
            case "firstComment" -> "firstComment";
            default -> "accountIds";
        };
    }

    private Instant localTime(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put("at", "Choose the date and time, or another option.");
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(CurrentActor.zone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.put("at", "A date and time, such as 2026-12-01 10:30.");
            return null;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer intOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
