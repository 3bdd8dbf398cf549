package io.flightdeck.notifications.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.notifications.domain.Deliveries;
import io.flightdeck.notifications.domain.DeliveryStatus;
import io.flightdeck.notifications.domain.NotificationChannel;
import io.flightdeck.notifications.domain.Preferences;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.mail.MailOutbox;
import io.flightdeck.shared.mail.MailTransport;
import io.flightdeck.shared.web.Flash;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import io.flightdeck.shared.web.FramedHtml;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Notifications for admins: the workspace's defaults, each channel's backlog with the deliveries that failed or
 * stopped (and a retry), and the mail outbox with each mail opened as its recipient would see it.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class NotificationAdminPagesController {

    private final Preferences preferences;
    private final Deliveries deliveries;
    private final MailOutbox outbox;
    private final MailTransport transport;

    NotificationAdminPagesController(Preferences preferences, Deliveries deliveries, MailOutbox outbox,
            MailTransport transport) {
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.transport = transport;
    }

    @GetMapping("/settings/notifications")
    String settings(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("rows", PreferenceForms.rows(preferences.workspaceDefaults()));
        model.addAttribute("channels", NotificationChannel.values());
        model.addAttribute("backlog", deliveries.backlog());
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("troubles", deliveries.list(List.of(DeliveryStatus.FAILED, DeliveryStatus.DEAD),
                Paging.of(page, Paging.DEFAULT_SIZE, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))));
        model.addAttribute("transport", transport.name());
        return "notifications/settings";
    }

    @PostMapping("/settings/notifications")
    String saveDefaults(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        preferences.changeDefaults(PreferenceForms.changes(form));
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Workspace defaults saved"));
        return "redirect:/settings/notifications";
    }

    @PostMapping("/settings/notifications/deliveries/{id}/retry")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        deliveries.retry(id);
        redirect.addFlashAttribute(Flash.KEY, Flash.success("Trying that delivery again now"));
        return "redirect:/settings/notifications";
    }

    @GetMapping("/settings/mail-outbox")
    String outbox(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("mails", outbox.list(Paging.of(page, Paging.DEFAULT_SIZE, Sort.unsorted())));
        model.addAttribute("transport", transport.name());
        return "notifications/outbox";
    }

    /** One mail: its headers, its text, and its HTML in a sandboxed frame (no scripts, no same-origin access). */
    @GetMapping("/settings/mail-outbox/{key}")
    String mail(@PathVariable String key, Model model) {
        model.addAttribute("mail", outbox.open(key));
        return "notifications/outbox-mail";
    }

    /** The mail's HTML on its own, for the page's frame: styled inline, as mail is ({@link FramedHtml}). */
    @GetMapping("/settings/mail-outbox/{key}/html")
    ResponseEntity<String> html(@PathVariable String key) {
        return FramedHtml.of(outbox.open(key).html());
    }

    @GetMapping("/settings/mail-outbox/{key}/raw")
    ResponseEntity<Resource> raw(@PathVariable String key) {
        return MailOutboxApiController.eml(outbox, key);
    }
}
