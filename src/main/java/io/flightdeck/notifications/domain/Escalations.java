package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.flightdeck.notifications.slack.SlackLinks;
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
 * {@code flightdeck.notifications.escalate-after} (4 hours by default; 0 switches it off) follows by email and, for a
 * member who linked themself, in Slack, once, under the member's quiet hours. Only on a channel that was off by a
 * default, read again when the time comes: a member who switched one off themself is not overruled.
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
    private final Preferences preferences;
    private final SlackLinks slackLinks;
    private final Jobs jobs;
    private final Clock clock;
    private final Duration after;

    Escalations(NotificationRepository notifications, NotificationDeliveryRepository deliveries, QuietTimes quietTimes,
            Preferences preferences, SlackLinks slackLinks, Jobs jobs, Clock clock,
            @Value("${flightdeck.notifications.escalate-after:PT4H}") Duration after) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.quietTimes = quietTimes;
        this.preferences = preferences;
        this.slackLinks = slackLinks;
        this.jobs = jobs;
        this.clock = clock;
        this.after = after;
    }

    /**
     * Whether an item with these choices escalates: it reaches the member in the app only, and a channel beyond it is
     * off by a default, not by the member (Slack counts only for a member who linked themself).
     */
    static boolean applies(NotificationTrigger trigger, Preferences.Choice inApp, Preferences.Choice email,
            Preferences.Choice slack, boolean linked) {
        boolean elsewhere = email.on() || linked && slack.on();
        return trigger.escalates() && inApp.on() && !elsewhere && (followable(email) || linked && followable(slack));
    }

    private static boolean followable(Preferences.Choice choice) {
        return !choice.on() && choice.source() != PreferenceSource.MEMBER;
    }

    /** Schedules the look at each new item, {@code after} from now; in the caller's transaction. */
    void watch(Collection<UUID> notificationIds, Instant now) {
        if (!after.isZero() && !notificationIds.isEmpty()) {
            jobs.scheduleNew(ESCALATION, TenantScope.require(), List.copyOf(notificationIds), now.plus(after));
        }
    }

    /**
     * The look: an item still unseen follows on each channel a default keeps off (held by quiet hours like any other);
     * answers whether it did.
     */
    @Transactional
    boolean escalate(UUID notificationId) {
        Notification item = notifications.findById(notificationId).orElse(null);
        if (item == null || !item.unseen()) {
            return false;
        }
        UUID member = item.recipientId();
        Map<NotificationChannel, Preferences.Choice> choices = preferences.resolve(List.of(member), item.category())
                .get(member);
        List<NotificationChannel> channels = new ArrayList<>();
        if (followable(choices.get(NotificationChannel.EMAIL))) {
            channels.add(NotificationChannel.EMAIL);
        }
        if (followable(choices.get(NotificationChannel.SLACK)) && slackLinks.slackUsers(List.of(member)).containsKey(member)) {
            channels.add(NotificationChannel.SLACK);
        }
        channels.removeIf(channel -> deliveries.existsByNotificationIdAndChannel(notificationId, channel));
        if (channels.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Instant at = quietTimes.of(List.of(member)).getOrDefault(member, QuietHours.NONE).release(now, item.priority(), null);
        for (NotificationChannel channel : channels) {
            NotificationDelivery follow = new NotificationDelivery(item.getId(), member, channel,
                    PreferenceSource.ESCALATION, now);
            if (at.isAfter(now)) {
                follow.holdUntil(at, now);
            }
            deliveries.save(follow);
            jobs.schedule(DeliveryJobs.DELIVERY, TenantScope.require(), follow.getId(), at);
        }
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
