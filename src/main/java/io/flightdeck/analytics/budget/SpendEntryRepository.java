package io.flightdeck.analytics.budget;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SpendEntryRepository extends JpaRepository<SpendEntry, UUID> {
}
