package io.flightdeck.notifications.web;

import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.notifications.domain.Inbox;
import io.flightdeck.notifications.domain.NotificationCategory;
import io.flightdeck.notifications.domain.NotificationChannel;
import io.flightdeck.notifications.domain.NotificationView;
import io.flightdeck.notifications.domain.PreferenceChange;
import io.flightdeck.notifications.domain.Preferences;
import io.flightdeck.notifications.domain.QuietTimes;
import io.flightdeck.notifications.slack.SlackLinks;
import io.flightdeck.notifications.domain.TestSend;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's notification settings (every category on every channel), “stop these” from an item or an email's
 * foot (with an undo), and “send me a test”.
 */
@Controller
class PreferencePagesController {

    /** What “stop these” changed, for the undo on the next page (flash attributes must be serialisable). */
    record Stopped(String category, String categoryLabel, String channel, String channelLabel, String before)
            implements Serializable {
    }

    private final Preferences preferences;
    private final Inbox inbox;
    private final TestSend testSend;
    private final QuietTimes quietTimes;
    private final SlackLinks slackLinks;
    private final Clock clock;

    PreferencePagesController(Preferences preferences, Inbox inbox, TestSend testSend, QuietTimes quietTimes,
            SlackLinks slackLinks, Clock clock) {
        this.preferences = preferences;
        this.inbox = inbox;
        this.testSend = testSend;
        this.quietTimes = quietTimes;
        this.slackLinks = slackLinks;
        this.clock = clock;
    }

    @GetMapping("/notifications/preferences")
    String page(Model model) {
        model.addAttribute("rows", PreferenceForms.rows(preferences.mine()));
        model.addAttribute("channels", NotificationChannel.values());
        model.addAttribute("quiet", QuietHoursView.of(quietTimes.mine(), clock.instant()));
        model.addAttribute("slackLink", slackLinks.mine());
        return "notifications/preferences";
    }

    @PostMapping("/notifications/preferences")
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        preferences.changeMine(PreferenceForms.changes(form));
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Notification settings saved"));
        return "redirect:/notifications/preferences";
    }

    /** One setting, as the undo of “stop these” posts it: back to the mode it had, or to the default. */
    @PostMapping("/notifications/preferences/one")
    String saveOne(@RequestParam String category, @RequestParam String channel,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        NotificationCategory c = parse(NotificationCategory.class, "category", category);
        NotificationChannel ch = parse(NotificationChannel.class, "channel", channel);
        preferences.changeMine(List.of(new PreferenceChange(c, ch, PreferenceForms.mode("mode", mode))));
        redirect.addFlashAttribute(Flash.KEY, Flash.success(c.label() + " notifications "
                + (ch == NotificationChannel.EMAIL ? "by email" : "in the app") + " are back as they were"));
        return "redirect:" + ("preferences".equals(back) ? "/notifications/preferences" : "/notifications");
    }

    /** The confirmation an email's “stop these” link opens: a link alone must not change anything. */
    @GetMapping("/notifications/{id}/stop")
    String confirmStop(@PathVariable UUID id, @RequestParam(defaultValue = "EMAIL") String channel, Model model) {
        NotificationView item = inbox.get(id);
        model.addAttribute("item", item);
        model.addAttribute("channel", parse(NotificationChannel.class, "channel", channel));
        return "notifications/stop";
    }

    @PostMapping("/notifications/{id}/stop")
    String stop(@PathVariable UUID id, @RequestParam String channel, RedirectAttributes redirect) {
        Inbox.Stopped stopped = inbox.stop(id, parse(NotificationChannel.class, "channel", channel));
        redirect.addFlashAttribute("stopped", new Stopped(stopped.category().name(), stopped.category().label(),
                stopped.channel().name(), stopped.channel().label(),
                stopped.before() == null ? "" : stopped.before().name()));
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/test")
    String test(RedirectAttributes redirect) {
        testSend.send();
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Test sent: it is in your notifications, and on its way by email"));
        return "redirect:/notifications/preferences";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
