package io.flightdeck.publishing.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.posts.PostBatches;
import io.flightdeck.publishing.posts.PublishNow;
import io.flightdeck.publishing.posts.PostStatus;
import io.flightdeck.publishing.posts.SocialPostReader;
import io.flightdeck.publishing.posts.SocialScheduler;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.Flash;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign page's Social posts card (its queue with each channel's state and blockers, and a form to schedule),
 * a channel's moves from the pages, and the dead-letter list.
 */
@Controller
class SocialPagesController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private static final Sort NEWEST_CHANGE_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));

    private final SocialScheduler scheduler;
    private final SocialPostReader reader;
    private final PostBatches batches;
    private final ChannelAccounts accounts;
    private final PublishNow publishNow;

    SocialPagesController(SocialScheduler scheduler, SocialPostReader reader, PostBatches batches,
            ChannelAccounts accounts, PublishNow publishNow) {
        this.publishNow = publishNow;
        this.scheduler = scheduler;
        this.reader = reader;
        this.batches = batches;
        this.accounts = accounts;
    }

    @GetMapping("/campaigns/{id}/social/panel")
    String panel(@PathVariable UUID id, @RequestParam(required = false) Integer page, Model model) {
        return panelModel(id, page, model, null);
    }

    private String panelModel(UUID campaignId, Integer page, Model model, String error) {
        model.addAttribute("campaignId", campaignId);
        var queue = reader.queue(campaignId, Paging.of(page, 10, NEWEST_FIRST));
        model.addAttribute("queue", queue);
        model.addAttribute("numbers", reader.numbers(queue.items().stream().flatMap(p -> p.channels().stream())
                .toList()));
        model.addAttribute("pending", queue.items().stream().anyMatch(p -> java.util.EnumSet.of(PostStatus.SCHEDULED,
                PostStatus.WAITING, PostStatus.PUBLISHING, PostStatus.PARTLY_OUT).contains(p.status())));
        model.addAttribute("accounts", accounts.list().stream().filter(ChannelAccountView::canPost).toList());
        model.addAttribute("zone", CurrentActor.zone().getId());
        model.addAttribute("canEdit", ChannelPagesController.can(Role.CONTRIBUTOR));
        model.addAttribute("error", error);
        return "publishing/panel :: panel";
    }

    /** A CSV of posts from the card: all scheduled, or none and the problems by row. */
    @PostMapping("/campaigns/{id}/social/batch")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String batch(@PathVariable UUID id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws java.io.IOException {
        if (file.getSize() > MAX_CSV_BYTES) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("The file is larger than 2 MiB."));
            return "redirect:/campaigns/" + id + "/tabs/posts#social";
        }
        try (var reader = new java.io.InputStreamReader(file.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
            int created = batches.importCsv(id, reader).size();
            redirect.addFlashAttribute(Flash.KEY, Flash.success(created + (created == 1 ? " post" : " posts")
                    + " scheduled."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(summary(e)));
        }
        return "redirect:/campaigns/" + id + "/tabs/posts#social";
    }

    /** Every scheduled post of the campaign moved by a number of days, all or none. */
    @PostMapping("/campaigns/{id}/social/shift")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String shift(@PathVariable UUID id, @RequestParam int days, RedirectAttributes redirect) {
        List<UUID> scheduled = reader.scheduledOf(id);
        if (scheduled.isEmpty()) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("No scheduled post to move."));
            return "redirect:/campaigns/" + id + "/tabs/posts#social";
        }
        try {
            batches.reschedule(scheduled, java.time.Duration.ofDays(days));
            redirect.addFlashAttribute(Flash.KEY, Flash.success(scheduled.size() + " posts moved by " + days + " days."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(summary(e)));
        }
        return "redirect:/campaigns/" + id + "/tabs/posts#social";
    }

    private static String summary(InvalidInputException e) {
        List<String> lines = e.problems().stream().limit(5).map(p -> p.field() + ": " + p.message()).toList();
        String more = e.problems().size() > 5 ? " … and " + (e.problems().size() - 5) + " more." : "";
        return e.getMessage() + " " + String.join(" ", lines) + more;
    }

    private static final long MAX_CSV_BYTES = 2L * 1024 * 1024;

    /** A channel's move from a page (publish, cancel, retry, found, resend); back to where it came from. */
    @PostMapping("/social/channel-posts/{id}/{action}")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String act(@PathVariable UUID id, @PathVariable String action, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            String done = switch (action) {
                case "publish" -> publishNow.channel(id).words();
                case "publish-anyway" -> publishNow.channel(id, false).words();
                case "cancel" -> {
                    scheduler.cancel(id);
                    yield "Cancelled.";
                }
                case "retry" -> {
                    scheduler.retry(id);
                    yield "Retrying now.";
                }
                case "found" -> {
                    scheduler.resolveInDoubt(id, true, null);
                    yield "Marked as published.";
                }
                case "resend" -> {
                    scheduler.resolveInDoubt(id, false, null);
                    yield "Sending it again.";
                }
                default -> throw new InvalidInputException("action", "Unknown action.");
            };
            redirect.addFlashAttribute(Flash.KEY, Flash.success(done));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error(e.getMessage()));
        }
        String back = request.getHeader("Referer");
        return "redirect:" + (back != null && back.matches("https?://[^/]+/[^\\s]*") ? back.replaceFirst("https?://[^/]+", "")
                : "/social/dead-letter");
    }

    @GetMapping("/social/dead-letter")
    String deadLetter(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("posts", reader.needingPerson(Paging.of(page, 20, NEWEST_CHANGE_FIRST)));
        model.addAttribute("canEdit", ChannelPagesController.can(Role.CONTRIBUTOR));
        return "publishing/dead-letter";
    }
}
