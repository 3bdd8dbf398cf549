package io.flightdeck.planning.team;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamProfileRepository extends JpaRepository<TeamProfile, UUID> {

    Optional<TeamProfile> findByUserId(UUID userId);

    List<TeamProfile> findByUserIdIn(Collection<UUID> userIds);
}
