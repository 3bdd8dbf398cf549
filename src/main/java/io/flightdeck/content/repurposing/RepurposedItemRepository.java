package io.flightdeck.content.repurposing;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RepurposedItemRepository extends JpaRepository<RepurposedItem, UUID> {

    @Query("select i from RepurposedItem i where i.sourceId = ?1 order by i.format, i.variation, i.id")
    List<RepurposedItem> findBySource(UUID sourceId);

    @Query("select coalesce(max(i.variation), 0) from RepurposedItem i where i.sourceId = ?1 and i.format = ?2")
    int lastVariation(UUID sourceId, io.flightdeck.content.generation.RepurposeFormat format);
}
