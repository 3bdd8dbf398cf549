package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery ledger as an admin reads it (the controllers check the role): each channel's backlog by status, the
 * deliveries that failed or stopped trying, and a retry for a dead one.
 */
@Service
public class Deliveries {

    /** How many deliveries of one channel stand at each status. */
    public record Backlog(NotificationChannel channel, Map<DeliveryStatus, Long> counts) {

        public long count(DeliveryStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    private final NotificationDeliveryRepository deliveries;
    private final Jobs jobs;
    private final Clock clock;

    Deliveries(NotificationDeliveryRepository deliveries, Jobs jobs, Clock clock) {
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** One row per outside channel, every status counted (zero included), in one grouped query. */
    @Transactional(readOnly = true)
    public List<Backlog> backlog() {
        Map<NotificationChannel, Map<DeliveryStatus, Long>> counts = new EnumMap<>(NotificationChannel.class);
        for (var row : deliveries.countByChannelAndStatus()) {
            counts.computeIfAbsent(row.getChannel(), c -> new EnumMap<>(DeliveryStatus.class)).put(row.getStatus(), row.getCount());
        }
        // email is the one outside channel so far; Slack and webhooks add their rows
        return List.of(new Backlog(NotificationChannel.EMAIL, counts.getOrDefault(NotificationChannel.EMAIL, Map.of())));
    }

    /** Deliveries at these statuses, most recently created first. */
    @Transactional(readOnly = true)
    public Page<DeliveryView> list(List<DeliveryStatus> statuses, Pageable pageable) {
        return deliveries.findByStatusIn(statuses, pageable).map(NotificationDelivery::view);
    }

    /** Another round of attempts for a dead delivery, starting now. */
    @Transactional
    public DeliveryView retry(UUID id) {
        NotificationDelivery delivery = deliveries.findById(id).orElseThrow(() -> new NotFoundException("The delivery"));
        delivery.retry(clock.instant());
        jobs.schedule(DeliveryJobs.DELIVERY, TenantScope.require(), id, clock.instant());
        return delivery.view();
    }
}
