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
 * The purge of the module's outgoing ledger (notifications to members by email and Slack, and webhook messages): rows
 * that are done (sent, gathered into a digest, or dead) and older than the retention. Never one still waiting,
 * sending or retrying, nor one gathered into a digest whose own delivery has not gone out: the digest is made from
 * them when it is sent, or sent again.
 */
@Component
class OutgoingMessagesRetention implements RetentionPurge {

    /** Done, and not the contents of a digest still to go out. */
    private static final String DONE = """
            d.status in ('SENT', 'DIGESTED', 'DEAD')
            and not (d.status = 'DIGESTED' and exists (select 1 from notification_deliveries g
                where g.notification_id = d.digest_id and g.status <> 'SENT'))""";

    private final JdbcClient jdbc;

    OutgoingMessagesRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.OUTGOING_MESSAGES;
    }

    @Override
    public List<Map<String, Object>> oldRows(Instant cutoff, int limit) {
        return jdbc.sql("""
                select d.id, d.kind, d.created_at, d.status, d.channel, d.notification_id, d.recipient_id,
                    d.endpoint_id, d.event_type, d.event_key, d.idempotency_key, d.attempts, d.possible_duplicate,
                    d.transport, d.last_status, d.last_error, d.sent_at, d.dead_at, d.digest_period, d.digest_id,
                    d.payload
                from notification_deliveries d where d.tenant_id = :tenant and d.created_at < :cutoff and """ + " " + DONE + " order by d.created_at, d.id limit :limit")
                .param("tenant", TenantScope.require()).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query().listOfRows();
    }

    @Override
    public int delete(List<Map<String, Object>> rows, Instant cutoff) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from notification_deliveries d where d.tenant_id = :tenant and d.created_at < :cutoff"
                        + " and d.id in (:ids) and " + DONE)
                .param("tenant", TenantScope.require()).param("cutoff", Timestamp.from(cutoff))
                .param("ids", RowIds.of(rows)).update();
    }
}
