package io.flightdeck.shared.search;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.Ids;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records each change of a searched entity ({@link SearchedEntityTypes}) in {@code search_outbox}, on the transaction's
 * own connection just before it commits, so the row commits or rolls back with the change. A deleted entity that only
 * lives inside other documents (an asset's use) cannot be loaded again to find them, so the entities it pointed to are
 * recorded in its place. Only registered with the Elasticsearch backend ({@link SearchOutboxConfiguration}).
 * <p>
 * The insert is a Hibernate before-completion callback, registered once a Spring transaction starts to commit (as
 * {@code AuditRecorder} does, and for its reason: Hibernate runs those callbacks only on commit, and one left queued by
 * a rollback is logged when the session closes).
 */
class SearchOutboxRecorder implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PostCollectionRecreateEventListener, PostCollectionUpdateEventListener, PostCollectionRemoveEventListener,
        TransactionExecutionListener, SmartInitializingSingleton {

    private static final String INSERT = """
            insert into search_outbox (id, entity_name, entity_id, tenant_id, created_at) values (?, ?, ?, ?, ?)""";

    record Change(String entityName, UUID entityId, UUID tenantId) {
    }

    /** One session's changes, and whether their insert is registered with Hibernate yet. */
    private static final class SessionChanges {
        final Set<Change> changes = new LinkedHashSet<>();
        boolean writeRegistered;
    }

    private final ThreadLocal<Map<SharedSessionContractImplementor, SessionChanges>> pending =
            ThreadLocal.withInitial(IdentityHashMap::new);
    private final ThreadLocal<Boolean> committing = new ThreadLocal<>();
    private final EntityManagerFactory entityManagers;
    private final Clock clock;
    private volatile SearchedEntityTypes types;

    SearchOutboxRecorder(EntityManagerFactory entityManagers, Clock clock) {
        this.entityManagers = entityManagers;
        this.clock = clock;
    }

    /** Once every bean exists, so waiting for Hibernate's background boot holds nothing up. */
    @Override
    public void afterSingletonsInstantiated() {
        types = SearchedEntityTypes.of(entityManagers);
        EventListenerRegistry registry = entityManagers.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
        registry.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
        registry.appendListeners(EventType.POST_COLLECTION_REMOVE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        record(event.getSession(), event.getPersister().getEntityName(), event.getId(), event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        record(event.getSession(), event.getPersister().getEntityName(), event.getId(), event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        String name = event.getPersister().getEntityName();
        record(event.getSession(), name, event.getId(), event.getEntity());
        if (types.contains(name) && !types.indexed(name) && event.getDeletedState() != null) {
            for (Object value : event.getDeletedState()) {
                reference(event.getSession(), value, event.getEntity());
            }
        }
    }

    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        owner(event);
    }

    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        owner(event);
    }

    @Override
    public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
        owner(event);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void owner(AbstractCollectionEvent event) {
        if (event.getAffectedOwnerOrNull() != null) {
            record(event.getSession(), event.getAffectedOwnerEntityName(), event.getAffectedOwnerIdOrNull(),
                    event.getAffectedOwnerOrNull());
        }
    }

    /** A deleted embedded entity's reference to another searched entity (an asset use's asset or space). */
    private void reference(SharedSessionContractImplementor session, Object value, Object deleted) {
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(value);
        if (proxy != null) {
            record(session, proxy.getEntityName(), proxy.getInternalIdentifier(), deleted);
        } else if (value != null && session.getPersistenceContextInternal().getEntry(value) != null) {
            String name = session.bestGuessEntityName(value);
            record(session, name, session.getEntityPersister(name, value).getIdentifier(value, session), deleted);
        }
    }

    private void record(SharedSessionContractImplementor session, String name, Object id, Object tenantSource) {
        if (!types.contains(name) || !(id instanceof UUID entityId)) {
            return;
        }
        UUID tenantId = tenantOf(session, tenantSource);
        if (tenantId == null) {
            return;
        }
        Map<SharedSessionContractImplementor, SessionChanges> bySession = pending.get();
        SessionChanges changes = bySession.get(session);
        if (changes == null) {
            changes = new SessionChanges();
            bySession.put(session, changes);
            session.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) this::forget);
            if (!TransactionSynchronizationManager.isActualTransactionActive() || committing.get() != null) {
                registerWrite(session, changes);
            }
        }
        changes.changes.add(new Change(name, entityId, tenantId));
    }

    private void registerWrite(SharedSessionContractImplementor session, SessionChanges changes) {
        changes.writeRegistered = true;
        session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) this::write);
    }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        committing.set(Boolean.TRUE);
        pending.get().forEach((session, changes) -> {
            if (!changes.writeRegistered) {
                registerWrite(session, changes);
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
        SessionChanges changes = pending.get().remove(session);
        if (changes == null || changes.changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Change change : changes.changes) {
                    insert.setObject(1, Ids.newId());
                    insert.setString(2, change.entityName());
                    insert.setObject(3, change.entityId());
                    insert.setObject(4, change.tenantId());
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private void forget(boolean success, SharedSessionContractImplementor session) {
        Map<SharedSessionContractImplementor, SessionChanges> bySession = pending.get();
        bySession.remove(session);
        if (bySession.isEmpty()) {
            pending.remove();
        }
    }

    /** The entity's workspace, else the session's (every searched entity belongs to a workspace today). */
    private static UUID tenantOf(SharedSessionContractImplementor session, Object entity) {
        if (entity instanceof TenantOwnedEntity owned && owned.getTenantId() != null) {
            return owned.getTenantId();
        }
        Object tenant = session.getTenantIdentifierValue();
        return tenant instanceof UUID id && !TenantScope.NONE.equals(id) && !TenantScope.SYSTEM.equals(id) ? id : null;
    }
}
