package io.flightdeck.assets.imports;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AssetImportErrorRepository extends JpaRepository<AssetImportError, UUID> {

    Page<AssetImportError> findByImportId(UUID importId, Pageable pageable);

    List<AssetImportError> findByImportIdOrderByLineNumber(UUID importId);

    long countByImportId(UUID importId);

    @Modifying(flushAutomatically = true)
    @Query("delete from AssetImportError e where e.importId = :importId")
    int deleteByImportId(UUID importId);
}
