package io.flightdeck.shared.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade keeps the render webhook deliveries a node remembered before the kit: they move to webhook_deliveries
 * under the provider's name, so a resend of one after the upgrade still changes nothing. On its own H2 database,
 * migrated up to the last migration before the kit, given rows the old way, then migrated to the end.
 */
class WebhookDeliveriesMigrationTests {

    @Test
    void rememberedRenderDeliveriesMoveToTheKitsTable() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:webhook_upgrade;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("202611270200").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        Instant received = Instant.parse("2026-11-27T10:00:00Z");
        jdbc.sql("insert into render_webhook_deliveries (provider, delivery_id, received_at) values (?, ?, ?)")
                .params("replicate", "msg_2Kq", Timestamp.from(received)).update();

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        List<Map<String, Object>> rows = jdbc.sql("select source, delivery_id from webhook_deliveries").query().listOfRows();
        assertThat(rows).containsExactly(Map.of("source", "replicate", "delivery_id", "msg_2Kq"));
        assertThat(jdbc.sql("select received_at from webhook_deliveries").query(Timestamp.class).single().toInstant())
                .isEqualTo(received);
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name = 'render_webhook_deliveries'")
                .query(Long.class).single()).isZero();
    }
}
