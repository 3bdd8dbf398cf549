package io.flightdeck.search.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface SearchReindexRepository extends JpaRepository<SearchReindex, UUID> {

    Optional<SearchReindex> findFirstByOrderByRequestedAtDescIdDesc();
}
