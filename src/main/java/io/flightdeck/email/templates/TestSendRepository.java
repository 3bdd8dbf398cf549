package io.flightdeck.email.templates;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TestSendRepository extends JpaRepository<TestSend, UUID> {

    @Query("select max(t.sentAt) from TestSend t where t.subjectId = :subjectId and t.contentDigest = :digest "
            + "and t.state = 'SENT'")
    Optional<Instant> lastSent(@Param("subjectId") UUID subjectId, @Param("digest") String digest);

    @Query("select max(t.sentAt) from TestSend t where t.subjectId = :subjectId and t.state = 'SENT'")
    Optional<Instant> lastSentOfAnyContent(@Param("subjectId") UUID subjectId);
}
