package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SignInFailureRepository extends JpaRepository<SignInFailure, UUID> {

    long countBySubjectAndOccurredAtAfter(String subject, Instant after);

    @Query("select min(f.occurredAt) from SignInFailure f where f.subject = :subject and f.occurredAt > :after")
    Instant oldestSince(String subject, Instant after);

    @Modifying
    @Query("delete from SignInFailure f where f.subject = :subject")
    void deleteBySubject(String subject);

    @Modifying
    @Query("delete from SignInFailure f where f.occurredAt < :before")
    int deleteOlderThan(Instant before);
}
