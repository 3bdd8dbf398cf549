package io.flightdeck.shared.search;

import java.time.Duration;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.engine.backend.index.IndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import io.flightdeck.shared.health.HealthStatuses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The full-text index as a health component ({@code search}). The embedded Lucene index is read (its size, which
 * opens every index's directory); a search cluster is asked to analyse a word with each index, a real request that
 * fails as a search would when the cluster is down or refuses the credentials. With a cluster it also shows the search
 * outbox's backlog ({@code outboxBacklog}): changes recorded over a minute ago that no run of the job has settled.
 */
@Component("searchHealthIndicator")
class SearchHealthIndicator implements HealthIndicator {

    private final EntityManagerFactory entityManagers;
    private final SearchProperties properties;
    private final ObjectProvider<SearchOutbox> outbox;

    SearchHealthIndicator(EntityManagerFactory entityManagers, SearchProperties properties,
            ObjectProvider<SearchOutbox> outbox) {
        this.entityManagers = entityManagers;
        this.properties = properties;
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        String backend = properties.elasticsearchBackend() ? "elasticsearch" : "lucene";
        Health.Builder health = Health.up().withDetail("backend", backend);
        try {
            long bytes = 0;
            int indexes = 0;
            for (SearchIndexedEntity<?> entity : Search.mapping(entityManagers).allIndexedEntities()) {
                IndexManager index = entity.indexManager();
                if (index instanceof LuceneIndexManager lucene) {
                    bytes += lucene.computeSizeInBytes();
                } else {
                    index.analyze("standard", "health");
                }
                indexes++;
            }
            health.withDetail("indexes", indexes);
            outbox.ifAvailable(o -> health.withDetail("outboxBacklog", o.backlog(Duration.ofMinutes(1))));
            return properties.elasticsearchBackend() ? health.build() : health.withDetail("sizeBytes", bytes).build();
        } catch (RuntimeException e) {
            return health.status(HealthStatuses.DEGRADED).withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
