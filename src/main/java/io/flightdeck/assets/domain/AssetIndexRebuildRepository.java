package io.flightdeck.assets.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssetIndexRebuildRepository extends JpaRepository<AssetIndexRebuild, UUID> {

    Optional<AssetIndexRebuild> findFirstByOrderByRequestedAtDescIdDesc();
}
