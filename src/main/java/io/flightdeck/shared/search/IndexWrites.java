package io.flightdeck.shared.search;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For writers that change searched entities many times a second and never read the index back: the publishing
 * runner's moves of a post. By default a commit waits until the index has its change and has committed it to disk
 * (docs/search.md); for such writers that wait was most of their time. Their changes are written to the index right
 * after the commit without the commit waiting, and on the embedded index they reach the disk with its next commit, at
 * most a second later. A crash in that second can lose them from the index (never from the database): the writer
 * indexes its recent changes again at start-up with {@link #indexAgain}. With the Elasticsearch backend the search
 * outbox already covers a node that dies before its index write.
 */
@Component
public class IndexWrites {

    private final EntityManagerFactory entityManagers;
    private final TransactionTemplate transactions;

    IndexWrites(EntityManagerFactory entityManagers, TransactionTemplate transactions) {
        this.entityManagers = entityManagers;
        this.transactions = transactions;
    }

    /** The current transaction's index changes are made after its commit, which does not wait for them. */
    public void withoutWaiting() {
        Search.session(session()).indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async());
    }

    /** Indexes the workspace's entities of this type again from the database, in a transaction of its own. */
    public void indexAgain(Class<?> type, UUID workspace, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        TenantScope.run(workspace, () -> transactions.executeWithoutResult(tx -> {
            Session session = session();
            SearchIndexingPlan plan = Search.session(session).indexingPlan();
            for (Object entity : session.findMultiple(type, List.copyOf(ids))) {
                if (entity != null) {
                    plan.addOrUpdate(entity);
                }
            }
        }));
    }

    private Session session() {
        return EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers).unwrap(Session.class);
    }
}
