package io.flightdeck.shared.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.persistence.AbstractEntity;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes the changes recorded in {@code search_outbox} again, from the database's current state, and deletes their
 * rows: the recurring job {@code search-outbox} on whichever node takes it. An entity still there is indexed again
 * (with the documents that embed it); one that is gone is purged. A workspace's rows are settled in one transaction of
 * its own: the rows are deleted only when the index writes succeeded, else they wait for the next run.
 * <p>
 * db-scheduler runs a recurring task on one node at a time, so two nodes never take the same rows and no row lock is
 * needed. A change committed while a run reads is recorded again by its own row, so the last run after a change
 * always reads that change.
 */
class SearchOutbox {

    private static final Logger log = LoggerFactory.getLogger(SearchOutbox.class);
    /** Rows read at a time; a run takes batches until fewer are left or {@link #MAX_BATCHES} were taken. */
    static final int BATCH = 500;
    private static final int MAX_BATCHES = 20;

    private record Row(UUID id, String entityName, UUID entityId, UUID tenantId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EntityManagerFactory entityManagers;
    private final Clock clock;
    private volatile SearchedEntityTypes types;

    SearchOutbox(JdbcClient jdbc, TransactionTemplate transactions, EntityManagerFactory entityManagers, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.entityManagers = entityManagers;
        this.clock = clock;
    }

    /** The job's run: batch after batch. */
    void replay() {
        for (int i = 0; i < MAX_BATCHES && replayBatch() == BATCH; i++) {
            // a full batch: there may be more
        }
    }

    /** The oldest rows, one transaction per workspace; how many rows were read. */
    int replayBatch() {
        List<Row> rows = jdbc.sql("""
                        select id, entity_name, entity_id, tenant_id from search_outbox order by created_at, id
                        limit :batch""")
                .param("batch", BATCH)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class)))
                .list();
        Map<UUID, List<Row>> byWorkspace = new LinkedHashMap<>();
        rows.forEach(row -> byWorkspace.computeIfAbsent(row.tenantId(), t -> new ArrayList<>()).add(row));
        byWorkspace.forEach((workspace, itsRows) -> {
            try {
                TenantScope.run(workspace, () -> transactions.executeWithoutResult(tx -> settle(itsRows)));
            } catch (RuntimeException e) {
                log.warn("search outbox: {} changes of workspace {} stay for the next run: {}", itsRows.size(),
                        workspace, e.toString());
            }
        });
        return rows.size();
    }

    private void settle(List<Row> rows) {
        Session session = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers).unwrap(Session.class);
        SearchIndexingPlan plan = Search.session(session).indexingPlan();
        Map<String, Set<UUID>> idsByType = new LinkedHashMap<>();
        rows.forEach(row -> idsByType.computeIfAbsent(row.entityName(), t -> new LinkedHashSet<>()).add(row.entityId()));
        idsByType.forEach((name, ids) -> {
            Class<?> type = types().javaClass(name);
            if (type == null) {
                return; // no longer searched since the row was written: nothing to index
            }
            Map<UUID, Object> found = new HashMap<>();
            for (Object entity : session.findMultiple(type, List.copyOf(ids))) {
                if (entity instanceof AbstractEntity present) {
                    found.put(present.getId(), entity);
                }
            }
            for (UUID id : ids) {
                Object entity = found.get(id);
                if (entity != null) {
                    plan.addOrUpdate(entity);
                } else if (types().indexed(name)) {
                    plan.purge(type, id, null);
                }
            }
        });
        // now, so that a failing index write fails this transaction and the rows stay
        plan.execute();
        jdbc.sql("delete from search_outbox where id in (:ids)").param("ids", rows.stream().map(Row::id).toList()).update();
    }

    /** Rows recorded longer than {@code age} ago: changes no run has settled. */
    long backlog(Duration age) {
        return jdbc.sql("select count(*) from search_outbox where created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(age)))
                .query(Long.class).single();
    }

    private SearchedEntityTypes types() {
        if (types == null) {
            types = SearchedEntityTypes.of(entityManagers);
        }
        return types;
    }
}
