package io.flightdeck.assets.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface UploadSessionRepository extends JpaRepository<UploadSession, UUID> {

    /** Across workspaces in a system scope: what the expiry job removes, oldest first, a batch at a time. */
    List<UploadSession> findByExpiresAtLessThanEqualOrderByExpiresAt(Instant now, Pageable batch);
}
