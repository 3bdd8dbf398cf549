package io.flightdeck.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the Elasticsearch search backend against this JVM's {@link OpenSearchNode}: the one Spring
 * context of the suite with that backend. A different search backend is a different Hibernate Search, so these tests
 * cannot share the suite's context; every class that extends this one (and its nested classes, which may extend the
 * Lucene context's search tests to run them here) shares this second context, because the properties come from the
 * one method below. It has a database of its own ({@link OwnDatabase}): another context's scheduler would otherwise
 * run this context's jobs (a reindex would fill that context's embedded index, not the cluster).
 */
@FlightdeckTest
public abstract class OpenSearchContext {

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        OpenSearchNode node = OpenSearchNode.shared();
        OwnDatabase.register(registry, "opensearch");
        registry.add("flightdeck.search.backend", () -> "elasticsearch");
        registry.add("flightdeck.search.elasticsearch.uris", () -> node.uri().toString());
        registry.add("flightdeck.search.elasticsearch.version", () -> "opensearch:" + OpenSearchNode.VERSION);
        // the outbox's tests run its job when they need it, so that its rows stay until then
        registry.add("flightdeck.search.outbox-interval", () -> "1h");
    }
}
