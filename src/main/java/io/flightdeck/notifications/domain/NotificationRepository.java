package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

    @Query("""
            select n from Notification n where n.recipientId = :recipientId and n.inApp = true
            and (:archived = true and n.archivedAt is not null or :archived = false and n.archivedAt is null)
            and (:unreadOnly = false or n.readAt is null)
            and (:category is null or n.category = :category)""")
    Page<Notification> findInbox(UUID recipientId, boolean archived, boolean unreadOnly, NotificationCategory category,
            Pageable pageable);

    long countByRecipientIdAndInAppTrueAndSeenAtIsNullAndArchivedAtIsNull(UUID recipientId);

    /** Every item told of one thing by one trigger, everyone's: what settles when the thing is put right. */
    List<Notification> findBySubjectTypeAndSubjectIdAndTrigger(String subjectType, UUID subjectId,
            NotificationTrigger trigger);

    @Query("select n.recipientId from Notification n where n.eventKey = :eventKey and n.recipientId in :recipients")
    List<UUID> findRecipientsHaving(String eventKey, Collection<UUID> recipients);

    @Modifying
    @Query("""
            update Notification n set n.seenAt = :now, n.version = n.version + 1
            where n.recipientId = :recipientId and n.seenAt is null""")
    int markAllSeen(UUID recipientId, Instant now);

    @Modifying
    @Query("""
            update Notification n set n.seenAt = coalesce(n.seenAt, :now), n.readAt = :now, n.version = n.version + 1
            where n.recipientId = :recipientId and n.readAt is null and n.archivedAt is null""")
    int markAllRead(UUID recipientId, Instant now);
}
