package io.flightdeck.content.providers;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GenerationSettingsRepository extends JpaRepository<GenerationSettings, UUID> {

    @Query("select s from GenerationSettings s")
    Optional<GenerationSettings> findCurrent();
}
