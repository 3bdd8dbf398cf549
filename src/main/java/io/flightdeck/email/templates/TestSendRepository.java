package io.flightdeck.email.templates;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TestSendRepository extends JpaRepository<TestSend, UUID> {

    /** The row locked until the transaction ends: two runs of a queued test never both start its attempt. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from TestSend t where t.id = :id")
    Optional<TestSend> findLocked(@Param("id") UUID id);

    @Query("select max(t.attempts.sentAt) from TestSend t where t.subjectId = :subjectId and t.contentDigest = :digest "
            + "and t.state = 'SENT'")
    Optional<Instant> lastSent(@Param("subjectId") UUID subjectId, @Param("digest") String digest);

    /** Per subject and content, when its latest test went out: subject id, digest, time. */
    @Query("select t.subjectId, t.contentDigest, max(t.attempts.sentAt) from TestSend t"
            + " where t.subjectId in :subjectIds and t.state = 'SENT' group by t.subjectId, t.contentDigest")
    List<Object[]> lastSentByContent(@Param("subjectIds") Collection<UUID> subjectIds);

    @Query("select max(t.attempts.sentAt) from TestSend t where t.subjectId = :subjectId and t.state = 'SENT'")
    Optional<Instant> lastSentOfAnyContent(@Param("subjectId") UUID subjectId);
}
