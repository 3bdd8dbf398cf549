package io.flightdeck.publishing.channels;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxPostRepository extends JpaRepository<SandboxPost, UUID> {

    Optional<SandboxPost> findByAccountIdAndIdempotencyKey(UUID accountId, String idempotencyKey);

    Page<SandboxPost> findByAccountId(UUID accountId, Pageable pageable);

    long countByAccountId(UUID accountId);

    long countByAccountIdAndPostedAtAfter(UUID accountId, java.time.Instant after);
}
