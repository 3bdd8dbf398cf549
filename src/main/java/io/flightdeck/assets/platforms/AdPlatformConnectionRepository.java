package io.flightdeck.assets.platforms;

import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdPlatformConnectionRepository extends JpaRepository<AdPlatformConnection, UUID> {

    List<AdPlatformConnection> findAllByOrderByNameAscIdAsc();

    List<AdPlatformConnection> findByPlatformOrderByCreatedAtAscIdAsc(AdPlatform platform);
}
