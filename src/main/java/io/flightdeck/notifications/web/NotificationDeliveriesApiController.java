package io.flightdeck.notifications.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.notifications.domain.Deliveries;
import io.flightdeck.notifications.domain.DeliveryStatus;
import io.flightdeck.notifications.domain.DeliveryView;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery ledger for admins: each channel's backlog, the deliveries that failed or stopped, and a retry. */
@RestController
@RequestMapping("/api/v1/notification-deliveries")
@Tag(name = "Notifications")
@PreAuthorize("hasRole('ADMIN')")
class NotificationDeliveriesApiController {

    private final Deliveries deliveries;

    NotificationDeliveriesApiController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Operation(summary = "Deliveries at the given statuses (by default the failed and the dead), newest first")
    @GetMapping
    PageResponse<DeliveryView> list(@RequestParam(required = false) List<DeliveryStatus> status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        List<DeliveryStatus> statuses = status == null || status.isEmpty()
                ? List.of(DeliveryStatus.FAILED, DeliveryStatus.DEAD) : status;
        return PageResponse.of(deliveries.list(statuses,
                Paging.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))), d -> d);
    }

    @Operation(summary = "Each outside channel's deliveries counted by status")
    @GetMapping("/backlog")
    List<Deliveries.Backlog> backlog() {
        return deliveries.backlog();
    }

    @Operation(summary = "Try a dead delivery again: a fresh round of attempts, starting now")
    @PostMapping("/{id}/retry")
    DeliveryView retry(@PathVariable UUID id) {
        return deliveries.retry(id);
    }
}
