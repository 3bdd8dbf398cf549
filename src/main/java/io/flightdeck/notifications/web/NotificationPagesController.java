package io.flightdeck.notifications.web;

import java.io.IOException;
import java.util.UUID;

import io.flightdeck.notifications.domain.Inbox;
import io.flightdeck.notifications.domain.InboxFilter;
import io.flightdeck.notifications.domain.NotificationView;
import io.flightdeck.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The notification centre: the member's unread items, all live items or the archive, newest first; each opens what
 * it is about (and counts as read), says why it was sent, and can be marked read, archived or brought back.
 */
@Controller
class NotificationPagesController {

    /** The three views of the centre, by their {@code view} parameter. */
    enum View {
        UNREAD("Unread"), ALL("All"), ARCHIVE("Archive");

        final String label;

        View(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String key() {
            return name().toLowerCase();
        }

        static View of(String key) {
            for (View view : values()) {
                if (view.key().equals(key)) {
                    return view;
                }
            }
            return UNREAD;
        }
    }

    private final Inbox inbox;
    private final BellStream bells;

    NotificationPagesController(Inbox inbox, BellStream bells) {
        this.inbox = inbox;
        this.bells = bells;
    }

    /** The bell's count, live: an {@code unseen} event whenever it changes (see the shell's {@code data-stream}). */
    @GetMapping(path = "/notifications/stream", produces = "text/event-stream")
    SseEmitter stream() throws IOException {
        return bells.open();
    }

    @GetMapping("/notifications")
    String centre(@RequestParam(required = false) String view, @RequestParam(required = false) Integer page,
            Model model) {
        View shown = View.of(view);
        Page<NotificationView> items = inbox.list(new InboxFilter(shown == View.ARCHIVE, shown == View.UNREAD, null),
                Paging.of(page, Paging.DEFAULT_SIZE, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
        model.addAttribute("view", shown);
        model.addAttribute("views", View.values());
        model.addAttribute("items", items);
        model.addAttribute("base", "/notifications?view=" + shown.key());
        return "notifications/centre";
    }

    /** Opening the centre is opening the bell: what was new is now seen (and still unread). */
    @PostMapping("/notifications/seen")
    ResponseEntity<Void> seen() {
        inbox.markAllSeen();
        return ResponseEntity.noContent().build();
    }

    /** Follows an item to what it is about, reading it on the way; only ever to a page of this application. */
    @GetMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id) {
        String link = inbox.open(id).link();
        return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable UUID id, @RequestParam(required = false) String view) {
        inbox.markRead(id);
        return back(view);
    }

    @PostMapping("/notifications/{id}/archive")
    String archive(@PathVariable UUID id, @RequestParam(required = false) String view) {
        inbox.archive(id);
        return back(view);
    }

    @PostMapping("/notifications/{id}/restore")
    String restore(@PathVariable UUID id, @RequestParam(required = false) String view) {
        inbox.restore(id);
        return back(view);
    }

    @PostMapping("/notifications/read-all")
    String readAll(@RequestParam(required = false) String view) {
        inbox.markAllRead();
        return back(view);
    }

    private static String back(String view) {
        return "redirect:/notifications?view=" + View.of(view).key();
    }
}
