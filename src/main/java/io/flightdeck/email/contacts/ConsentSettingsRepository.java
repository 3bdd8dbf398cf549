package io.flightdeck.email.contacts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConsentSettingsRepository extends JpaRepository<ConsentSettings, UUID> {

    /** The workspace's row (the tenant filter makes it the only one). */
    @Query("select s from ConsentSettings s")
    Optional<ConsentSettings> current();
}
