package io.flightdeck.identity.domain;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

    Page<ApiKey> findByUserId(UUID userId, Pageable pageable);

    @Modifying
    @Query("update ApiKey k set k.lastUsedAt = :now where k.id = :id")
    void touch(UUID id, java.time.Instant now);

    java.util.List<ApiKey> findByUserIdAndRevokedAtIsNull(UUID userId);
}
