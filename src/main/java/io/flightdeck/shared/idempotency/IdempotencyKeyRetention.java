package io.flightdeck.shared.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.retention.RetentionKind;
import io.flightdeck.shared.retention.RetentionPurge;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The purge of idempotency keys past the workspace's retention (a day at least, the replay window the API promises).
 * A key's stored answer is encrypted and worth nothing outside a replay, so keys are never exported: a batch is the
 * oldest keys up to the newest one's time, deleted by that time (keys sharing it go together).
 */
@Component
class IdempotencyKeyRetention implements RetentionPurge {

    private final JdbcClient jdbc;

    IdempotencyKeyRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RetentionKind kind() {
        return RetentionKind.IDEMPOTENCY_KEYS;
    }

    @Override
    public List<Map<String, Object>> oldRows(Instant cutoff, int limit) {
        return jdbc.sql("""
                select actor_id, idempotency_key, created_at from idempotency_keys
                where tenant_id = :tenant and created_at < :cutoff order by created_at limit :limit""")
                .param("tenant", TenantScope.require()).param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query().listOfRows();
    }

    @Override
    public int delete(List<Map<String, Object>> rows, Instant cutoff) {
        if (rows.isEmpty()) {
            return 0;
        }
        Timestamp newest = jdbc.sql("select max(created_at) from idempotency_keys where tenant_id = :tenant"
                        + " and created_at < :cutoff and idempotency_key in (:keys)")
                .param("tenant", TenantScope.require()).param("cutoff", Timestamp.from(cutoff))
                .param("keys", rows.stream().map(row -> row.get("idempotency_key")).distinct().toList())
                .query(Timestamp.class).list().stream().filter(t -> t != null).findFirst().orElse(null);
        if (newest == null) {
            return 0;
        }
        return jdbc.sql("delete from idempotency_keys where tenant_id = :tenant and created_at < :cutoff"
                        + " and created_at <= :newest")
                .param("tenant", TenantScope.require()).param("cutoff", Timestamp.from(cutoff))
                .param("newest", newest).update();
    }
}
