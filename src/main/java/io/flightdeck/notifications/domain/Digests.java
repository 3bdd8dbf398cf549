package io.flightdeck.notifications.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the digests that are due: for each member with email waiting (DIGEST deliveries), once their local morning
 * of the period has come ({@link DigestMorning}), one digest notification gathers what waited from before that
 * morning, and its own delivery is queued like any email (the ledger, retries, crash safety). The digest's event key
 * names the member's period, so the unique key of notifications makes a second digest for it impossible, however
 * often the sweep runs; something that missed its morning goes in the next one, never nowhere.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final NotificationDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final MemberDirectory members;
    private final Jobs jobs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Digests(NotificationDeliveryRepository deliveries, NotificationRepository notifications, MemberDirectory members,
            Jobs jobs, TransactionTemplate transactions, Clock clock) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.members = members;
        this.jobs = jobs;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One sweep over every workspace; answers how many digests it made. Tests call it with a moved clock. */
    int makeAll() {
        List<UUID> workspaces = TenantScope.system("workspaces with digests waiting", () -> transactions.execute(
                status -> deliveries.workspacesWithStatus(DeliveryStatus.DIGEST)));
        int made = 0;
        for (UUID workspace : workspaces) {
            try {
                made += TenantScope.call(workspace, () -> transactions.execute(status -> make(workspace)));
            } catch (RuntimeException e) {
                log.warn("Could not make the digests of workspace {}", workspace, e);
            }
        }
        return made;
    }

    private int make(UUID workspace) {
        Instant now = clock.instant();
        Map<UUID, MemberSummary> people = members.members().stream()
                .collect(Collectors.toMap(MemberSummary::userId, Function.identity()));
        Map<String, List<NotificationDelivery>> waiting = deliveries.findByStatus(DeliveryStatus.DIGEST).stream()
                .collect(Collectors.groupingBy(d -> d.recipientId() + "/" + d.digestPeriod(), LinkedHashMap::new,
                        Collectors.toList()));
        int made = 0;
        for (List<NotificationDelivery> group : waiting.values()) {
            NotificationDelivery first = group.get(0);
            MemberSummary member = people.get(first.recipientId());
            if (member == null) {
                group.forEach(d -> d.abandon("Not sent: the recipient is no longer a member of the workspace", now));
                continue;
            }
            DigestMorning morning = DigestMorning.latest(first.digestPeriod(), member.timeZone(), now);
            List<NotificationDelivery> due = group.stream().filter(d -> d.createdAt().isBefore(morning.at())).toList();
            String eventKey = "digest:" + morning.key();
            if (due.isEmpty() || !notifications.findRecipientsHaving(eventKey, Set.of(member.userId())).isEmpty()) {
                continue;
            }
            Notification digest = notifications.saveAndFlush(new Notification(member.userId(),
                    draft(eventKey, first.digestPeriod(), due, member.userId()), false, first.source(), now));
            NotificationDelivery email = deliveries.save(new NotificationDelivery(digest.getId(), member.userId(),
                    NotificationChannel.EMAIL, first.source(), now));
            due.forEach(d -> d.digested(digest.getId(), now));
            jobs.schedule(DeliveryJobs.DELIVERY, workspace, email.getId(), now);
            made++;
        }
        return made;
    }

    /** The digest as a notification about its member (its subject), out of the feed. */
    private static NotificationDraft draft(String eventKey, DeliveryMode period, List<NotificationDelivery> due,
            UUID memberId) {
        String title = "Your " + (period == DeliveryMode.WEEKLY ? "weekly" : "daily") + " digest: " + due.size()
                + (due.size() == 1 ? " update" : " updates");
        return NotificationDraft.of(eventKey, NotificationTrigger.DIGEST, title, "/notifications",
                "You chose to get these by email as a " + period.label().toLowerCase(java.util.Locale.ROOT) + ".",
                "digest", memberId, null, null);
    }

    @Configuration(proxyBeanMethods = false)
    static class DigestJobs {

        @Bean
        RecurringTask<Void> notificationDigests(Digests digests,
                @Value("${flightdeck.notifications.digest-sweep-every:PT5M}") Duration every) {
            return JobTasks.every("notification-digests", every, digests::makeAll);
        }
    }
}
