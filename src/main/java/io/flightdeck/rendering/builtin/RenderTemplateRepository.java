package io.flightdeck.rendering.builtin;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RenderTemplateRepository extends JpaRepository<RenderTemplate, UUID> {

    Optional<RenderTemplate> findByTemplateKey(String key);

    java.util.List<RenderTemplate> findAllByOrderByTemplateKeyAsc();
}
