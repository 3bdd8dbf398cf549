package io.flightdeck.email.templates;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TestSendRepository extends JpaRepository<TestSend, UUID> {

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
