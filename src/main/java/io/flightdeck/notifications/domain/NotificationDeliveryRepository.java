package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, UUID> {

    List<NotificationDelivery> findByNotificationIdIn(Collection<UUID> notificationIds);

    Page<NotificationDelivery> findByStatusIn(Collection<DeliveryStatus> statuses, Pageable pageable);

    /** The backlog: how many deliveries stand where, per channel. */
    @Query("select d.channel as channel, d.status as status, count(d) as count from NotificationDelivery d group by d.channel, d.status")
    List<StatusCount> countByChannelAndStatus();

    interface StatusCount {
        NotificationChannel getChannel();

        DeliveryStatus getStatus();

        long getCount();
    }

    /** A member's email waiting for a moment after {@code after}: what their quiet hours or mute hold. */
    List<NotificationDelivery> findByRecipientIdAndStatusAndAttemptsNextAtAfter(UUID recipientId, DeliveryStatus status,
            Instant after);

    @Query("select count(d) from NotificationDelivery d where d.channel = :channel and d.status = :status"
            + " and d.attempts.deadAt >= :since")
    long countDeadSince(NotificationChannel channel, DeliveryStatus status, Instant since);

    boolean existsByNotificationIdAndChannel(UUID notificationId, NotificationChannel channel);

    /** Runs in a system scope: the workspaces where email waits for a digest. */
    @Query("select distinct d.tenantId from NotificationDelivery d where d.status = :status")
    List<UUID> workspacesWithStatus(DeliveryStatus status);

    List<NotificationDelivery> findByStatus(DeliveryStatus status);

    /** What a digest gathered, oldest first. */
    List<NotificationDelivery> findByDigestIdOrderByCreatedAtAsc(UUID digestId);

    /** The Slack messages that asked for a decision on this subject (an approval), wherever they went. */
    @Query("""
            select d from NotificationDelivery d, Notification n where n.id = d.notificationId and n.subjectId = :subjectId
            and n.trigger = :trigger and d.channel = io.flightdeck.notifications.domain.NotificationChannel.SLACK
            and d.slackTs is not null""")
    List<NotificationDelivery> findSlackMessagesAbout(UUID subjectId, NotificationTrigger trigger);

    /** Slack messages about this subject being posted right now: sent, perhaps, but not yet recorded where. */
    @Query("""
            select count(d) from NotificationDelivery d, Notification n where n.id = d.notificationId
            and n.subjectId = :subjectId and n.trigger = :trigger
            and d.channel = io.flightdeck.notifications.domain.NotificationChannel.SLACK
            and d.status = io.flightdeck.notifications.domain.DeliveryStatus.SENDING and d.slackTs is null""")
    long countSlackMessagesInFlightAbout(UUID subjectId, NotificationTrigger trigger);
}
