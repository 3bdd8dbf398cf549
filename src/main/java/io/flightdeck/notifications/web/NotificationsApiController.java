package io.flightdeck.notifications.web;

import java.util.UUID;

import io.flightdeck.notifications.domain.Inbox;
import io.flightdeck.notifications.domain.InboxFilter;
import io.flightdeck.notifications.domain.NotificationCategory;
import io.flightdeck.notifications.domain.NotificationChannel;
import io.flightdeck.notifications.domain.NotificationView;
import io.flightdeck.notifications.domain.TestSend;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in member's own notifications. Every member, a viewer included, reads and puts away their own items;
 * a viewer-ceiling API key only reads them.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The member's inbox: the feed, the bell's unseen count, seen, read and archived")
class NotificationsApiController {

    private final Inbox inbox;
    private final TestSend testSend;

    NotificationsApiController(Inbox inbox, TestSend testSend) {
        this.inbox = inbox;
        this.testSend = testSend;
    }

    record NotificationCountResponse(@Schema(description = "Live items not seen yet", example = "3") long unseen) {
    }

    record NotificationChangeResponse(@Schema(description = "How many items changed", example = "5") int changed) {
    }

    @Operation(summary = "The member's notifications, newest first; the archive with archived=true, unread ones "
            + "with unread=true, one category with category")
    @GetMapping
    PageResponse<NotificationView> list(@RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) NotificationCategory category,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(inbox.list(new InboxFilter(archived, unread, category),
                Paging.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))), n -> n);
    }

    @Operation(summary = "How many live notifications the member has not seen (the bell)")
    @GetMapping("/unseen-count")
    NotificationCountResponse unseenCount() {
        return new NotificationCountResponse(inbox.unseenCount());
    }

    @Operation(summary = "Mark every notification seen, as opening the bell does (they stay unread)")
    @PostMapping("/seen")
    NotificationChangeResponse markAllSeen() {
        return new NotificationChangeResponse(inbox.markAllSeen());
    }

    @Operation(summary = "Mark every live notification read")
    @PostMapping("/read-all")
    NotificationChangeResponse markAllRead() {
        return new NotificationChangeResponse(inbox.markAllRead());
    }

    @Operation(summary = "One notification, with where it was delivered and why")
    @GetMapping("/{id}")
    NotificationView get(@PathVariable UUID id) {
        return inbox.get(id);
    }

    record StopRequest(@Schema(example = "EMAIL") @NotNull NotificationChannel channel) {
    }

    @Operation(summary = "Stop these: the member's own setting for this notification's category on the channel "
            + "becomes OFF; the answer says what it was (null: the default applied), to undo it")
    @PostMapping("/{id}/stop")
    Inbox.Stopped stop(@PathVariable UUID id, @Valid @RequestBody StopRequest request) {
        return inbox.stop(id, request.channel());
    }

    @Operation(summary = "Send the member a test notification in the app, by email and (once linked) in Slack, whatever their settings")
    @PostMapping("/test")
    @ResponseStatus(HttpStatus.CREATED)
    NotificationView test() {
        return testSend.send();
    }

    @Operation(summary = "Mark one notification read (and seen)")
    @PostMapping("/{id}/read")
    NotificationView markRead(@PathVariable UUID id) {
        return inbox.markRead(id);
    }

    @Operation(summary = "Put one notification in the archive (it counts as read)")
    @PostMapping("/{id}/archive")
    NotificationView archive(@PathVariable UUID id) {
        return inbox.archive(id);
    }

    @Operation(summary = "Bring an archived notification back to the feed")
    @PostMapping("/{id}/restore")
    NotificationView restore(@PathVariable UUID id) {
        return inbox.restore(id);
    }
}
