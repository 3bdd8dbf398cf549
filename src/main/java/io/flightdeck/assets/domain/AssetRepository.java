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

    /**
     * The live assets a campaign uses (uploaded into it or reused there), with their channels, for its readiness. No
     * {@code distinct}: PostgreSQL cannot compare json columns, and Hibernate returns each fetched asset once anyway.
     */
    @Query("select a from Asset a left join fetch a.allowedChannels where a.archivedAt is null and exists "
            + "(select 1 from AssetUse u where u.assetId = a.id and u.campaignId = :campaignId) order by a.name")
    List<Asset> findLiveUsedIn(UUID campaignId);

    /** Live assets showing any of these contents, with their content. */
    @Query("select a from Asset a join fetch a.content c where c.id in :contentIds and a.archivedAt is null")
    List<Asset> findLiveShowing(java.util.Collection<UUID> contentIds);
}
