package io.flightdeck.notifications.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.retention.RetentionKind;
import io.flightdeck.shared.retention.RetentionPurge;
import io.flightdeck.shared.retention.RowIds;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The purge of the in-app notifications: those older than the retention that the member has read or archived (or
 * that never showed in the app), and that no outgoing message still refers to. An unread one stays in its member's
 * inbox whatever its age; one whose email or Slack message is still kept waits for that message's own purge.
 */
@Component
class NotificationRetention implements RetentionPurge {

    private static final String DONE = """
            (n.read_at is not null or n.archived_at is not null or n.in_app = false)
            and not exists (select 1 from notification_deliveries d where d.notification_id = n.id)""";

    private final JdbcClient jdbc;

    NotificationRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.NOTIFICATIONS;
    }

    @Override
    public List<Map<String, Object>> oldRows(Instant cutoff, int limit) {
        return jdbc.sql("""
                select n.id, n.created_at, n.recipient_id, n.event_key, n.trigger_type, n.category, n.priority, n.title,
                    n.body, n.link, n.reason, n.subject_type, n.subject_id, n.campaign_id, n.actor_id, n.in_app,
                    n.seen_at, n.read_at, n.archived_at
                from notifications n where n.tenant_id = :tenant and n.created_at < :cutoff and """ + " " + DONE + " order by n.created_at, n.id limit :limit")
                .param("tenant", TenantScope.require()).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query().listOfRows();
    }

    @Override
    public int delete(List<Map<String, Object>> rows, Instant cutoff) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from notifications n where n.tenant_id = :tenant and n.created_at < :cutoff"
                        + " and n.id in (:ids) and " + DONE)
                .param("tenant", TenantScope.require()).param("cutoff", Timestamp.from(cutoff))
                .param("ids", RowIds.of(rows)).update();
    }
}
