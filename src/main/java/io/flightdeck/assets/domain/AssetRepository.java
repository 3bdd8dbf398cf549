package io.flightdeck.assets.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AssetRepository extends JpaRepository<Asset, UUID>, JpaSpecificationExecutor<Asset> {

    /** The asset with its file, in one query (archived ones too: they can be read and restored). */
    @Query("select a from Asset a left join fetch a.content where a.id = :id")
    Optional<Asset> findWithContent(UUID id);

    /** The oldest live asset showing this content: what an upload of the same bytes is a duplicate of. */
    @Query("select a from Asset a where a.content = :content and a.archivedAt is null order by a.createdAt, a.id limit 1")
    Optional<Asset> findLiveByContent(AssetContent content);

    @Query("select count(a) from Asset a where a.content = :content and a.id <> :except")
    long countOthersUsing(AssetContent content, UUID except);

    /** In a system scope: every workspace with assets (for the search index check at start-up). */
    @Query("select distinct a.tenantId from Asset a")
    List<UUID> findWorkspaceIds();

    @Query("select a from Asset a left join fetch a.content where a.id in :ids")
    List<Asset> findAllWithContent(List<UUID> ids);
}
