package io.flightdeck.audit.domain;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.Ids;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.persistence.AbstractEntity;
import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.web.RequestLoggingFilter;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hibernate listeners that turn every entity write into an audit row. Changes of one entity within a transaction are
 * merged into one row (an update of fields and of a collection, say), and all rows are inserted on the transaction's
 * own connection just before it commits, so the audit log commits or rolls back with the change it describes.
 * <p>
 * The insert is a Hibernate before-completion callback, and Hibernate runs those only on commit: one registered when
 * a change is flushed in a transaction that then rolls back stays queued, and closing the session logs HHH90010101
 * ("Closing shared session with unprocessed transaction completion actions"). So inside a Spring transaction the
 * callback is registered only once that transaction starts to commit ({@link #beforeCommit}, a
 * {@link TransactionExecutionListener} that Boot adds to the transaction manager); changes flushed by the commit
 * itself register it at once, as do changes outside a Spring transaction.
 */
@Component
class AuditRecorder implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PostCollectionUpdateEventListener, TransactionExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);

    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("version", "updatedAt", "updatedBy", "createdAt", "createdBy", "tenantId");
    private static final String INSERT = """
            insert into audit_log (id, tenant_id, actor_user_id, actor_api_key, actor_name, action, entity_type, entity_id,
                                   changes, request_id, client_address, occurred_at, change_set)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** The request attribute that holds the request's change set, so every transaction of one request shares it. */
    private static final String CHANGE_SET = AuditRecorder.class.getName() + ".changeSet";

    /** Rows waiting for their transaction to commit, per session (a thread may hold more than one). */
    private final ThreadLocal<Map<SharedSessionContractImplementor, SessionRows>> pending =
            ThreadLocal.withInitial(IdentityHashMap::new);
    /** Set while a Spring transaction on this thread commits: changes flushed now register their write at once. */
    private final ThreadLocal<Boolean> committing = new ThreadLocal<>();
    private final JsonMapper json;
    private final AuditValues values;
    private final Clock clock;

    AuditRecorder(JsonMapper json, Clock clock) {
        this.json = json;
        this.values = new AuditValues(json);
        this.clock = clock;
    }

    /** One session's rows, and whether their insert is registered with Hibernate yet. */
    private static final class SessionRows {
        final Map<Object, PendingAuditRow> rows = new IdentityHashMap<>();
        boolean writeRegistered;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        String[] names = event.getPersister().getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            Object value = values.plain(names[i], event.getState()[i]);
            if (value != null && !isEmptyCollection(value) && !BOOKKEEPING.contains(names[i])) {
                changes.put(names[i], PendingAuditRow.change(null, value));
            }
        }
        record(event.getSession(), event.getEntity(), "created", changes);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        String[] names = event.getPersister().getPropertyNames();
        Object[] old = event.getOldState();
        Object[] now = event.getState();
        for (int i = 0; i < names.length; i++) {
            // The row's own time and actor already say when and by whom; collections arrive as collection events.
            if (BOOKKEEPING.contains(names[i]) || now[i] instanceof PersistentCollection<?>) {
                continue;
            }
            Object before = old == null ? null : values.plain(names[i], old[i]);
            Object after = values.plain(names[i], now[i]);
            if (old == null || !java.util.Objects.equals(before, after)) {
                changes.put(names[i], PendingAuditRow.change(before, after));
            }
        }
        if (!changes.isEmpty()) {
            record(event.getSession(), event.getEntity(), "updated", changes);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        record(event.getSession(), event.getEntity(), "deleted", new LinkedHashMap<>());
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        Object owner = event.getAffectedOwnerOrNull();
        if (owner == null) {
            return;
        }
        String role = event.getCollectionPersister().getRole();
        String property = role.substring(role.lastIndexOf('.') + 1);
        PersistentCollection<?> collection = event.getCollection();
        // A set's snapshot is a map of its elements to themselves; a map's is the map.
        Object before = collection.getStoredSnapshot() instanceof Map<?, ?> snapshot
                ? values.plain(property, collection instanceof Map<?, ?> ? snapshot : snapshot.keySet())
                : values.plain(property, collection.getStoredSnapshot());
        Object after = values.plain(property, collection);
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        changes.put(property, PendingAuditRow.change(before, after));
        record(event.getSession(), owner, "updated", changes);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void record(SharedSessionContractImplementor session, Object entity, String action,
            Map<String, Map<String, Object>> changes) {
        if (!(entity instanceof AbstractEntity audited) || entity.getClass().isAnnotationPresent(NotAudited.class)) {
            return;
        }
        UUID tenantId = tenantOf(audited);
        if (tenantId == null) {
            return;
        }
        Map<SharedSessionContractImplementor, SessionRows> bySession = pending.get();
        SessionRows sessionRows = bySession.get(session);
        if (sessionRows == null) {
            sessionRows = new SessionRows();
            bySession.put(session, sessionRows);
            session.getTransactionCompletionCallbacks().registerCallback(
                    (org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback) this::forget);
            if (!TransactionSynchronizationManager.isActualTransactionActive() || committing.get() != null) {
                registerWrite(session, sessionRows);
            }
        }
        sessionRows.rows.computeIfAbsent(entity, e -> new PendingAuditRow(tenantId, entity.getClass().getSimpleName(),
                audited.getId(), action)).merge(action, changes);
    }

    private void registerWrite(SharedSessionContractImplementor session, SessionRows rows) {
        rows.writeRegistered = true;
        session.getTransactionCompletionCallbacks().registerCallback(
                (org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback) this::write);
    }

    /** A Spring transaction is about to commit: its sessions' rows get their insert, run after the commit's flush. */
    @Override
    public void beforeCommit(TransactionExecution transaction) {
        committing.set(Boolean.TRUE);
        pending.get().forEach((session, rows) -> {
            if (!rows.writeRegistered) {
                registerWrite(session, rows);
            }
        });
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        committing.remove();
    }

    @Override
    public void afterRollback(TransactionExecution transaction, Throwable rollbackFailure) {
        committing.remove();
    }

    private void write(SharedSessionContractImplementor session) {
        SessionRows sessionRows = pending.get().remove(session);
        Map<Object, PendingAuditRow> rows = sessionRows == null ? null : sessionRows.rows;
        if (rows == null || rows.isEmpty()) {
            return;
        }
        Actor actor = CurrentActor.find().orElse(null);
        Timestamp at = Timestamp.from(clock.instant());
        String requestId = MDC.get(RequestLoggingFilter.MDC_REQUEST_ID);
        String address = MDC.get(RequestLoggingFilter.MDC_CLIENT_ADDRESS);
        String changeSet = changeSet();
        // a change an AI assistant made over MCP is the person's, made through their assistant's client
        String assistant = MDC.get(AssistantTool.CLIENT_IN_LOGS);
        List<PendingAuditRow> all = new ArrayList<>(rows.values());
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (PendingAuditRow row : all) {
                    insert.setObject(1, Ids.newId());
                    insert.setObject(2, row.tenantId);
                    insert.setObject(3, actor == null ? null : actor.userId());
                    insert.setObject(4, actor == null ? null : actor.apiKeyId());
                    insert.setString(5, actor == null ? "System" : assistant == null ? actor.displayName()
                            : actor.displayName() + " (through " + assistant + ")");
                    insert.setString(6, row.action());
                    insert.setString(7, row.entityType);
                    insert.setObject(8, row.entityId);
                    insert.setString(9, row.changes().isEmpty() ? null : json.writeValueAsString(row.changes()));
                    insert.setString(10, requestId);
                    insert.setString(11, address);
                    insert.setTimestamp(12, at);
                    insert.setString(13, changeSet);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * One per request, made here rather than taken from the request id, which a client may send and repeat. Outside a
     * request (a job, a listener on another thread) each transaction is its own change set.
     */
    private static String changeSet() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return Ids.newId().toString();
        }
        if (request.getAttribute(CHANGE_SET, RequestAttributes.SCOPE_REQUEST) instanceof String known) {
            return known;
        }
        String created = Ids.newId().toString();
        request.setAttribute(CHANGE_SET, created, RequestAttributes.SCOPE_REQUEST);
        return created;
    }

    private void forget(boolean success, SharedSessionContractImplementor session) {
        Map<SharedSessionContractImplementor, SessionRows> bySession = pending.get();
        SessionRows left = bySession.remove(session);
        if (success && left != null && !left.rows.isEmpty()) {
            // Committed without the insert: a transaction this class was not told about. Say so rather than lose it quietly.
            log.error("{} audit rows were not written: their transaction committed outside Spring's transaction manager",
                    left.rows.size());
        }
        if (bySession.isEmpty()) {
            pending.remove();
        }
    }

    /** Tenant-owned rows carry their workspace; others (a workspace, an account) belong to the scope they change in. */
    private static UUID tenantOf(AbstractEntity entity) {
        if (entity instanceof TenantOwnedEntity owned && owned.getTenantId() != null) {
            return owned.getTenantId();
        }
        UUID scope = TenantScope.current();
        return TenantScope.NONE.equals(scope) || TenantScope.SYSTEM.equals(scope) ? null : scope;
    }

    private static boolean isEmptyCollection(Object value) {
        return value instanceof Collection<?> c && c.isEmpty();
    }
}
