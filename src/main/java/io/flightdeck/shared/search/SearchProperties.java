package io.flightdeck.shared.search;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.search.*}: where the full-text index lives. The embedded Lucene index ({@code lucene}) is one
 * node's own; a cluster of nodes shares an Elasticsearch or OpenSearch cluster ({@code elasticsearch}).
 *
 * @param backend         {@code lucene} or {@code elasticsearch}
 * @param directory       Lucene only: {@code local-filesystem} (under {@code root}) or {@code local-heap} (memory, for tests)
 * @param root            Lucene only: the index folder
 * @param indexOnStartup  at start-up, rebuild the index of every workspace that has assets but no indexed ones (a
 *                        new index folder, a first start after an upgrade)
 * @param outboxInterval  Elasticsearch only: how often the job search-outbox indexes the recorded changes again
 *                        ({@code SearchOutbox})
 */
@ConfigurationProperties("flightdeck.search")
public record SearchProperties(String backend, String directory, Path root, boolean indexOnStartup,
        Elasticsearch elasticsearch, @DefaultValue("5s") Duration outboxInterval) {

    /**
     * @param uris      comma-separated, e.g. {@code https://search.example.com:9200}
     * @param version   optional, e.g. {@code opensearch:2.19} or {@code 8.15}; when blank the cluster is asked at start-up
     */
    public record Elasticsearch(String uris, String username, String password, String version) {
    }

    boolean elasticsearchBackend() {
        return "elasticsearch".equalsIgnoreCase(backend);
    }
}
