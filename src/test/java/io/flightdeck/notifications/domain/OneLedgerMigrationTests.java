package io.flightdeck.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade joins the two notification ledgers: a webhook message written before becomes a WEBHOOK row of
 * notification_deliveries with its message id as the idempotency key (so a resend carries the webhook-id the
 * consumer has seen), its waiting execution moves to the one job kind and still names its row, and the old sweeper's
 * row goes. On its own H2 database, migrated to the last migration before the join, given rows the old way, then
 * migrated to the end.
 */
class OneLedgerMigrationTests {

    @Test
    void webhookMessagesAndTheirExecutionsJoinTheOneLedger() {
        SingleConnectionDataSource database = new SingleConnectionDataSource(
                "jdbc:h2:mem:one_ledger_upgrade;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "",
                true);
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("202612160200").load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        UUID workspace = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID endpoint = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse("2026-12-16T09:00:00Z"));
        jdbc.sql("insert into workspaces (id, name, slug, time_zone, locale, created_at, version)"
                + " values (?, 'W', 'w', 'UTC', 'en-GB', current_timestamp, 0)").param(workspace).update();
        jdbc.sql("insert into users (id, email, display_name, password_hash, time_zone, created_at,"
                + " password_changed_at, version) values (?, 'o@example.com', 'O', 'x', 'UTC', current_timestamp,"
                + " current_timestamp, 0)").param(owner).update();
        jdbc.sql("insert into webhook_endpoints (id, tenant_id, url, event_types, secret, enabled, owner_id,"
                + " created_at, updated_at, version) values (?, ?, 'https://hooks.example.com/in', '*', 'enc', true, ?, ?, ?, 0)")
                .params(endpoint, workspace, owner, at, at).update();
        jdbc.sql("insert into webhook_messages (id, tenant_id, endpoint_id, message_id, event_type, event_key, payload,"
                + " status, attempts, possible_duplicate, last_status, last_error, created_at, next_attempt_at,"
                + " updated_at, version) values (?, ?, ?, 'msg_2Kq', 'approval.requested', 'approval:1', '{}',"
                + " 'FAILED', 2, false, 503, 'The endpoint answered 503', ?, ?, ?, 3)")
                .params(message, workspace, endpoint, at, at, at).update();
        String data = "{\"workspaceId\":\"%s\",\"messageId\":\"%s\"}".formatted(workspace, message);
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)"
                + " values ('webhook-message', ?, ?, ?, false, 1)")
                .params(message.toString(), data.getBytes(StandardCharsets.UTF_8), at).update();
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                + " values ('webhook-message-sweeper', 'recurring', ?, false, 1)").param(at).update();

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        Map<String, Object> row = jdbc.sql("select kind, endpoint_id, idempotency_key, event_key, status, attempts,"
                + " last_status, last_error, version from notification_deliveries where id = ?").param(message)
                .query().singleRow();
        assertThat(row).containsEntry("kind", "WEBHOOK").containsEntry("endpoint_id", endpoint)
                .containsEntry("idempotency_key", "msg_2Kq").containsEntry("event_key", "approval:1")
                .containsEntry("status", "FAILED").containsEntry("attempts", 2).containsEntry("last_status", 503)
                .containsEntry("last_error", "The endpoint answered 503").containsEntry("version", 3L);
        assertThat(jdbc.sql("select task_name, task_instance from scheduled_tasks order by task_name").query()
                .listOfRows()).containsExactly(Map.of("task_name", "notification-delivery",
                        "task_instance", message.toString()));
        byte[] moved = jdbc.sql("select task_data from scheduled_tasks").query(byte[].class).single();
        DeliveryJobs.DeliveryTaskData read = new Jackson3Serializer().deserialize(DeliveryJobs.DeliveryTaskData.class,
                moved);
        assertThat(List.of(read.workspaceId(), read.deliveryId())).containsExactly(workspace, message);
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name = 'webhook_messages'")
                .query(Long.class).single()).isZero();
    }
}
