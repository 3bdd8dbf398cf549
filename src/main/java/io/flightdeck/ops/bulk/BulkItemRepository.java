package io.flightdeck.ops.bulk;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface BulkItemRepository extends JpaRepository<BulkItem, UUID> {

    /**
     * A chunk's items, read-only: a flush does not compare them, so the flushes its items' own work makes do not grow
     * with the chunk; {@link BulkChunk} makes each writable again when it writes its outcome.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    List<BulkItem> findByIdIn(Collection<UUID> ids);

    Page<BulkItem> findByOperationIdOrderByPosition(UUID operationId, Pageable pageable);

    Page<BulkItem> findByOperationIdAndStateOrderByPosition(UUID operationId, BulkItemState state, Pageable pageable);

    List<BulkItem> findByOperationIdAndStateOrderByPosition(UUID operationId, BulkItemState state, Limit limit);

    @Query("select new io.flightdeck.ops.bulk.BulkCounts$ByState(i.state, count(i)) from BulkItem i"
            + " where i.operationId = :operationId group by i.state")
    List<BulkCounts.ByState> countByState(UUID operationId);

    /** A cancel: the items not reached yet are skipped, in one statement. */
    @Modifying
    @Query("update BulkItem i set i.state = io.flightdeck.ops.bulk.BulkItemState.SKIPPED,"
            + " i.reason = 'Cancelled before it ran', i.version = i.version + 1"
            + " where i.operationId = :operationId and i.state = io.flightdeck.ops.bulk.BulkItemState.PENDING")
    int skipPending(UUID operationId);
}
