package io.flightdeck.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    @Query(value = """
            select i from Invitation i where i.acceptedAt is null and i.revokedAt is null and i.expiresAt > :now
            order by i.createdAt desc""",
            countQuery = """
            select count(i) from Invitation i where i.acceptedAt is null and i.revokedAt is null and i.expiresAt > :now""")
    Page<Invitation> findPending(Instant now, Pageable pageable);

    @Query("""
            select i from Invitation i where lower(i.email) = lower(:email)
            and i.acceptedAt is null and i.revokedAt is null and i.expiresAt > :now""")
    List<Invitation> findPendingFor(String email, Instant now);
}
