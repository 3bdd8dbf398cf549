package io.flightdeck.email.settings;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SenderProfileRepository extends JpaRepository<SenderProfile, UUID> {

    Optional<SenderProfile> findFirstBy();
}
