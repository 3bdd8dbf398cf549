package io.flightdeck.assets.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AssetContentRepository extends JpaRepository<AssetContent, UUID> {

    /** The content row, locked until the transaction ends: uploads and hard deletes of the same bytes take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AssetContent c where c.sha256 = :sha256")
    Optional<AssetContent> lockBySha256(String sha256);

    Optional<AssetContent> findBySha256(String sha256);

    /** The content row by id, locked: the derived-data job's write takes turns with a hard delete of the last asset. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AssetContent c where c.id = :id")
    Optional<AssetContent> lockById(UUID id);
}
