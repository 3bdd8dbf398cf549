package io.flightdeck.mcp.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface McpConnectionRepository extends JpaRepository<McpConnection, UUID> {

    Page<McpConnection> findAllBy(Pageable page);

    /**
     * The connections whose last check (or, never checked, whose last change) is older than {@code before}, longest
     * waiting first; called in the system scope, across workspaces.
     */
    @Query("select new io.flightdeck.mcp.client.DueConnection(c.id, c.tenantId) from McpConnection c"
            + " where coalesce(c.checkedAt, c.updatedAt) < :before order by coalesce(c.checkedAt, c.updatedAt), c.id")
    List<DueConnection> findDue(Instant before, Pageable page);

    /**
     * A check that found what the last one did moves only its times. That is bookkeeping, not a change anyone made: a
     * bulk update writes no audit entry (the automatic check would otherwise add one per server every quarter of an
     * hour) and leaves the version alone, so an admin's edit is not refused because the watch ran meanwhile. Answers 0 when
     * the connection changed since {@code version} was read.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update McpConnection c set c.checkedAt = :checkedAt, c.toolsListedAt = :toolsListedAt"
            + " where c.id = :id and c.version = :version")
    int checkedAgain(UUID id, long version, Instant checkedAt, Instant toolsListedAt);
}
