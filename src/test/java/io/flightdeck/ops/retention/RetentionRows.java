package io.flightdeck.ops.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.Ids;
import io.flightdeck.support.TestWorkspaces.Member;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows written as old straight into the tables a purge cleans, as years of use would have left them. */
final class RetentionRows {

    private final JdbcClient jdbc;

    RetentionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> audit(UUID workspace, Instant at, int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = Ids.newId();
            ids.add(id);
            jdbc.sql("insert into audit_log (id, tenant_id, actor_name, action, entity_type, entity_id, changes,"
                            + " occurred_at, change_set) values (?, ?, 'Retention test', 'UPDATE', 'RetentionTest', ?,"
                            + " '{\"name\":[\"a\",\"b\"]}', ?, ?)")
                    .params(id, workspace, UUID.randomUUID(), Timestamp.from(at.plusMillis(i)), id.toString()).update();
        }
        return ids;
    }

    UUID notification(Member member, Instant at, boolean read) {
        UUID id = Ids.newId();
        jdbc.sql("insert into notifications (id, tenant_id, recipient_id, event_key, trigger_type, category, priority,"
                        + " title, link, reason, subject_type, subject_id, created_at, read_at, version, in_app,"
                        + " in_app_source) values (?, ?, ?, ?, 'TASK_ASSIGNED', 'TASKS', 'NORMAL', 'Old news', '/',"
                        + " 'You were assigned', 'TASK', ?, ?, ?, 0, true, 'BUILT_IN')")
                .params(id, member.workspaceId(), member.userId(), "retention-" + id, UUID.randomUUID(),
                        Timestamp.from(at), read ? Timestamp.from(at.plusSeconds(60)) : null)
                .update();
        return id;
    }

    UUID delivery(Member member, UUID notification, Instant at, String status, UUID digestId) {
        UUID id = Ids.newId();
        jdbc.sql("insert into notification_deliveries (id, tenant_id, kind, notification_id, recipient_id, channel,"
                        + " status, source, idempotency_key, attempts, possible_duplicate, created_at, updated_at,"
                        + " digest_id, version) values (?, ?, 'MEMBER', ?, ?, 'EMAIL', ?, 'BUILT_IN', ?, 1, false, ?,"
                        + " ?, ?, 0)")
                .params(id, member.workspaceId(), notification, member.userId(), status, "<" + id + "@test>",
                        Timestamp.from(at), Timestamp.from(at), digestId)
                .update();
        return id;
    }

    void idempotencyKey(Member member, Instant at, String key) {
        jdbc.sql("insert into idempotency_keys (tenant_id, actor_id, idempotency_key, request_hash, response_status,"
                + " created_at) values (?, ?, ?, 'hash', 201, ?)")
                .params(member.workspaceId(), member.userId(), key, Timestamp.from(at)).update();
    }

    UUID bulk(Member member, Instant at, String status) {
        UUID id = Ids.newId();
        jdbc.sql("insert into bulk_operations (id, tenant_id, item_type, action, status, total, done, succeeded,"
                        + " failed, undone, undo_failed, requested_by, requester_role, created_at, finished_at,"
                        + " updated_at, version) values (?, ?, 'task', 'delete', ?, 1, 1, 1, 0, 0, 0, ?, 'ADMIN', ?, ?,"
                        + " ?, 0)")
                .params(id, member.workspaceId(), status, member.userId(), Timestamp.from(at),
                        status.equals("FINISHED") ? Timestamp.from(at) : null, Timestamp.from(at))
                .update();
        jdbc.sql("insert into bulk_items (id, tenant_id, operation_id, position, item_id, state, version)"
                + " values (?, ?, ?, 0, ?, 'SUCCEEDED', 0)").params(Ids.newId(), member.workspaceId(), id,
                UUID.randomUUID()).update();
        return id;
    }
}
