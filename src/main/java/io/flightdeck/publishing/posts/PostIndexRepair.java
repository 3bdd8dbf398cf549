package io.flightdeck.publishing.posts;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.search.IndexWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The publishing runner's moves reach the search index after their commit without waiting ({@link IndexWrites}), so a
 * crash can lose the last second of them from the embedded index. Nothing is written while the node is down, so at
 * start-up the posts changed in the minute before the newest change are the ones a crash can have left stale: they are
 * indexed again from the database. Only with the embedded index: with Elasticsearch the search outbox, written in the
 * runner's own transactions, indexes them again.
 */
@Component
@ConditionalOnProperty(name = "flightdeck.search.backend", havingValue = "lucene", matchIfMissing = true)
class PostIndexRepair {

    private static final Logger log = LoggerFactory.getLogger(PostIndexRepair.class);
    /** Far longer than the index's commit interval (a second), so no change lost in a crash falls outside it. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final IndexWrites index;

    PostIndexRepair(JdbcClient jdbc, IndexWrites index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexTheLastChangesAgain() {
        Timestamp newest = jdbc.sql("select max(updated_at) from channel_posts").query(Timestamp.class).optional()
                .orElse(null);
        if (newest == null) {
            return;
        }
        Map<UUID, List<UUID>> byWorkspace = new LinkedHashMap<>();
        jdbc.sql("select tenant_id, id from channel_posts where updated_at >= :since")
                .param("since", Timestamp.from(newest.toInstant().minus(WINDOW)))
                .query(rs -> {
                    byWorkspace.computeIfAbsent(rs.getObject(1, UUID.class), w -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                });
        byWorkspace.forEach((workspace, ids) -> index.indexAgain(ChannelPost.class, workspace, ids));
        log.debug("Indexed again the {} channel posts changed in the minute before {}",
                byWorkspace.values().stream().mapToInt(List::size).sum(), newest.toInstant());
    }
}
