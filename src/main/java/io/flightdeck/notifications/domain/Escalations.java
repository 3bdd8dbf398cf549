package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.jobs.WorkspaceTask;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approvals and blockers reach a member in the app first; one still unseen after
 * {@code flightdeck.notifications.escalate-after} (4 hours by default; 0 switches it off) follows by email, once,
 * under the member's quiet hours. Only where email was off by a default: a member who switched that email off
 * themself is not overruled.
 */
@Component
class Escalations {

    /** The task data: which notification, in which workspace (stored in scheduled_tasks: never rename). */
    record EscalationTaskData(UUID workspaceId, UUID notificationId) implements WorkspaceTask {
    }

    static final JobKind<EscalationTaskData> ESCALATION = JobKind.of("notification-escalation",
            EscalationTaskData.class, EscalationTaskData::new);

    private final NotificationRepository notifications;
    private final NotificationDeliveryRepository deliveries;
    private final QuietTimes quietTimes;
    private final Jobs jobs;
    private final Clock clock;
    private final Duration after;

    Escalations(NotificationRepository notifications, NotificationDeliveryRepository deliveries, QuietTimes quietTimes,
            Jobs jobs, Clock clock, @Value("${flightdeck.notifications.escalate-after:PT4H}") Duration after) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.quietTimes = quietTimes;
        this.jobs = jobs;
        this.clock = clock;
        this.after = after;
    }

    /** Whether an item with these choices escalates: in the app only, with email off by a default, not by the member. */
    static boolean applies(NotificationTrigger trigger, Preferences.Choice inApp, Preferences.Choice email) {
        return trigger.escalates() && inApp.on() && !email.on() && email.source() != PreferenceSource.MEMBER;
    }

    /** Schedules the look at each new item, {@code after} from now; in the caller's transaction. */
    void watch(Collection<UUID> notificationIds, Instant now) {
        if (!after.isZero() && !notificationIds.isEmpty()) {
            jobs.scheduleNew(ESCALATION, TenantScope.require(), List.copyOf(notificationIds), now.plus(after));
        }
    }

    /** The look: an item still unseen gets its email (held by quiet hours like any other); answers whether it did. */
    @Transactional
    boolean escalate(UUID notificationId) {
        Notification item = notifications.findById(notificationId).orElse(null);
        if (item == null || !item.unseen() || deliveries.existsByNotificationIdAndChannel(notificationId,
                NotificationChannel.EMAIL)) {
            return false;
        }
        Instant now = clock.instant();
        NotificationDelivery email = new NotificationDelivery(item.getId(), item.recipientId(), NotificationChannel.EMAIL,
                PreferenceSource.ESCALATION, now);
        Map<UUID, QuietHours> quiet = quietTimes.of(List.of(item.recipientId()));
        Instant at = quiet.getOrDefault(item.recipientId(), QuietHours.NONE).release(now, item.priority(), null);
        if (at.isAfter(now)) {
            email.holdUntil(at, now);
        }
        deliveries.save(email);
        jobs.schedule(DeliveryJobs.DELIVERY, TenantScope.require(), email.getId(), at);
        return true;
    }

    @Configuration(proxyBeanMethods = false)
    static class EscalationJobs {

        @Bean
        OneTimeTask<EscalationTaskData> notificationEscalationTask(Escalations escalations) {
            return JobTasks.once(ESCALATION, Failures.retry(5, Duration.ofSeconds(30)),
                    data -> escalations.escalate(data.notificationId()));
        }
    }
}
