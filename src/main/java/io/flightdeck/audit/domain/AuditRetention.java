package io.flightdeck.audit.domain;

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

/** The audit log's purge: every entry older than the workspace's retention, whatever it recorded. */
@Component
class AuditRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    AuditRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.AUDIT_LOG;
    }

    @Override
    public List<Map<String, Object>> oldRows(Instant cutoff, int limit) {
        return jdbc.sql("""
                select id, occurred_at, actor_name, actor_user_id, actor_api_key, action, entity_type, entity_id,
                    changes, request_id, client_address, change_set
                from audit_log where tenant_id = :tenant and occurred_at < :cutoff
                order by occurred_at, id limit :limit""")
                .param("tenant", TenantScope.require()).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query().listOfRows();
    }

    @Override
    public int delete(List<Map<String, Object>> rows, Instant cutoff) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from audit_log where tenant_id = :tenant and occurred_at < :cutoff and id in (:ids)")
                .param("tenant", TenantScope.require()).param("cutoff", Timestamp.from(cutoff))
                .param("ids", RowIds.of(rows)).update();
    }
}
