package io.flightdeck.notifications.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The one ledger whatever the kind: a row found here is a {@link NotificationDelivery} or a {@link WebhookMessage}. */
interface OutgoingNotificationRepository extends JpaRepository<OutgoingNotification, UUID> {

    Page<OutgoingNotification> findByStatusIn(Collection<DeliveryStatus> statuses, Pageable page);

    /** The backlog: how many rows of either kind stand at each status. */
    @Query("select o.status as status, count(o) as count from OutgoingNotification o group by o.status")
    List<StatusCount> countByStatus();

    interface StatusCount {
        DeliveryStatus getStatus();

        long getCount();
    }
}
