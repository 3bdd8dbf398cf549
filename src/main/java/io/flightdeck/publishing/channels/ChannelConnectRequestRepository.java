package io.flightdeck.publishing.channels;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelConnectRequestRepository extends JpaRepository<ChannelConnectRequest, UUID> {

    Optional<ChannelConnectRequest> findByStateHash(String stateHash);
}
