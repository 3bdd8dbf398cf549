package io.flightdeck.content.providers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GenerationProviderRepository extends JpaRepository<GenerationProvider, UUID> {

    @Query("select p from GenerationProvider p order by lower(p.name), p.id")
    List<GenerationProvider> findAllByName();

    @Query("select p from GenerationProvider p where p.defaultProvider = true")
    Optional<GenerationProvider> findDefault();

    @Query("select p from GenerationProvider p where lower(p.name) = lower(?1)")
    Optional<GenerationProvider> findByNameIgnoringCase(String name);
}
