package io.flightdeck.publishing.channels;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChannelConnectRequestRepository extends JpaRepository<ChannelConnectRequest, UUID> {

    Optional<ChannelConnectRequest> findByStateHash(String stateHash);

    @Modifying
    @Query("delete from ChannelConnectRequest r where r.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
