package io.flightdeck.shared.search;

import java.util.Map;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate Search's settings from {@link SearchProperties}. Spring Boot does not configure Hibernate Search; it
 * starts with Hibernate ORM, reading {@code hibernate.search.*}. Anything set under
 * {@code spring.jpa.properties.hibernate.search.*} wins over what is derived here, so every setting of the
 * Hibernate Search reference stays reachable. Only the chosen backend's settings are passed: Hibernate Search warns
 * about settings it does not use.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration implements HibernatePropertiesCustomizer {

    private static final String PREFIX = "hibernate.search.";

    private final SearchProperties properties;

    SearchConfiguration(SearchProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(Map<String, Object> hibernate) {
        // both backends are on the class path, so the type is always named
        hibernate.putIfAbsent(PREFIX + "backend.type", properties.elasticsearchBackend() ? "elasticsearch" : "lucene");
        // one index for all workspaces, every document tagged with its workspace and every query filtered by it
        hibernate.putIfAbsent(PREFIX + "backend.multi_tenancy.strategy", "discriminator");
        hibernate.putIfAbsent(PREFIX + "multi_tenancy.tenant_identifier_converter", new UuidTenantIds());
        if (properties.elasticsearchBackend()) {
            hibernate.putIfAbsent(PREFIX + "backend.analysis.configurer", new ElasticsearchAnalysis());
            // a field added by an upgrade (a private template's owner, say) is added to the cluster's existing mappings
            // instead of failing the start on validation; a reindex then fills it in
            hibernate.putIfAbsent(PREFIX + "schema_management.strategy", "create-or-update");
            // a commit returns once the cluster has refreshed the changed indexes, so whoever wrote finds the change on
            // the next request, on any node, as with the embedded index (write-sync would wait only for the write)
            hibernate.putIfAbsent(PREFIX + "indexing.plan.synchronization.strategy", "read-sync");
            SearchProperties.Elasticsearch cluster = properties.elasticsearch();
            putIfText(hibernate, "backend.uris", cluster.uris());
            putIfText(hibernate, "backend.username", cluster.username());
            putIfText(hibernate, "backend.password", cluster.password());
            putIfText(hibernate, "backend.version", cluster.version());
        } else {
            hibernate.putIfAbsent(PREFIX + "backend.analysis.configurer", new LuceneAnalysis());
            // the index is derived data, rebuilt from the database when an upgrade of Lucene asks for it
            hibernate.putIfAbsent(PREFIX + "backend.lucene_version", "LATEST");
            hibernate.putIfAbsent(PREFIX + "backend.directory.type", properties.directory());
            if ("local-filesystem".equals(properties.directory())) {
                hibernate.putIfAbsent(PREFIX + "backend.directory.root", properties.root().toAbsolutePath().toString());
            }
        }
    }

    private static void putIfText(Map<String, Object> hibernate, String key, String value) {
        if (value != null && !value.isBlank()) {
            hibernate.putIfAbsent(PREFIX + key, value);
        }
    }
}
