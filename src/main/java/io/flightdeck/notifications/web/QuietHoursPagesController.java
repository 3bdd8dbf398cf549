package io.flightdeck.notifications.web;

import io.flightdeck.notifications.domain.QuietTimes;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The quiet hours card of “My notifications”: the window, and muting email for an hour (or ending the mute). */
@Controller
class QuietHoursPagesController {

    private static final String BACK = "redirect:/notifications/preferences";

    private final QuietTimes quietTimes;

    QuietHoursPagesController(QuietTimes quietTimes) {
        this.quietTimes = quietTimes;
    }

    @PostMapping("/notifications/quiet-hours")
    String window(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String start,
            @RequestParam(defaultValue = "") String end, @RequestParam(defaultValue = "") String timeZone,
            RedirectAttributes redirect) {
        try {
            quietTimes.setWindow(enabled, start, end, timeZone);
            redirect.addFlashAttribute(Flash.KEY, Flash.success(enabled
                    ? "Quiet hours saved: email waits from " + start + " to " + end + " (" + timeZone + ")"
                    : "Quiet hours off: email goes out as it comes"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(Flash.KEY, Flash.error("Quiet hours not saved: " + e.getMessage()));
        }
        return BACK;
    }

    @PostMapping("/notifications/mute")
    String mute(@RequestParam(defaultValue = "60") int minutes, RedirectAttributes redirect) {
        quietTimes.mute(Math.max(0, Math.min(minutes, 1440)));
        redirect.addFlashAttribute(Flash.KEY, Flash.success(minutes == 0 ? "Mute ended: held email goes out now"
                : "Email muted for " + (minutes == 60 ? "an hour" : minutes + " minutes") + "; it waits, nothing is lost"));
        return BACK;
    }
}
