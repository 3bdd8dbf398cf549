package io.flightdeck.shared.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.retention.RetentionKind;
import io.flightdeck.shared.retention.RetentionPurge;
import io.flightdeck.shared.retention.RowIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The purge of Spring Modulith's event publication registry, which keeps every completed publication (completion
 * mode UPDATE): those completed before the cutoff. One that is not completed is never removed: its listener has still
 * to hear it, and the resubmit job hands it back. The installation's rows, not a workspace's.
 */
@Component
class EventPublicationRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    EventPublicationRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.EVENT_PUBLICATIONS;
    }

    @Override
    public List<Map<String, Object>> oldRows(Instant cutoff, int limit) {
        return jdbc.sql("""
                select id, listener_id, event_type, publication_date, completion_date from event_publication
                where completion_date is not null and completion_date < :cutoff
                order by completion_date, id limit :limit""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query().listOfRows();
    }

    @Override
    public int delete(List<Map<String, Object>> rows, Instant cutoff) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from event_publication where completion_date is not null and completion_date < :cutoff"
                        + " and id in (:ids)")
                .param("cutoff", Timestamp.from(cutoff)).param("ids", RowIds.of(rows)).update();
    }
}
