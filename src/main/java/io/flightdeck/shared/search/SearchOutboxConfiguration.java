package io.flightdeck.shared.search;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.flightdeck.shared.jobs.JobTasks;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search outbox, with the Elasticsearch backend only: there several nodes write one index, and a node may die
 * between its commit and its index write. The embedded Lucene index is one node's, written in the same commit, and
 * needs none. Hibernate Search's own outbox-polling coordination is not used: it has no release for Hibernate Search
 * 8.3 here, its 8.2 release does not link against Hibernate ORM 7.4, and with multi-tenancy it needs every workspace
 * id at start-up while workspaces are made at run time (docs/search.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flightdeck.search.backend", havingValue = "elasticsearch")
class SearchOutboxConfiguration {

    @Bean
    SearchOutboxRecorder searchOutboxRecorder(EntityManagerFactory entityManagers, Clock clock) {
        return new SearchOutboxRecorder(entityManagers, clock);
    }

    @Bean
    SearchOutbox searchOutbox(JdbcClient jdbc, TransactionTemplate transactions, EntityManagerFactory entityManagers,
            Clock clock) {
        return new SearchOutbox(jdbc, transactions, entityManagers, clock);
    }

    @Bean
    RecurringTask<Void> searchOutboxReplay(SearchOutbox outbox, SearchProperties properties) {
        return JobTasks.every("search-outbox", properties.outboxInterval(), outbox::replay);
    }
}
