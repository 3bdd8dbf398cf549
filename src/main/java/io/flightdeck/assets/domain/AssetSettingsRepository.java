package io.flightdeck.assets.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssetSettingsRepository extends JpaRepository<AssetSettings, UUID> {

    /** The workspace's row; the tenant filter narrows the table to it. */
    @Query("select s from AssetSettings s")
    Optional<AssetSettings> current();
}
