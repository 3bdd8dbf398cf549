package io.flightdeck.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade gives campaigns rolled up before the running totals existed a change at their first day, so the rollups
 * job makes their totals from all their days. On its own H2 database, migrated up to the migration before, given
 * rollups, then migrated to the end.
 */
class RunningTotalsMigrationTests {

    @Test
    void campaignsRolledUpBeforeAreHandedToTheJobFromTheirFirstDay() {
        SingleConnectionDataSource database = new SingleConnectionDataSource(
                "jdbc:h2:mem:totals_upgrade;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("202612080200").load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        UUID workspace = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        jdbc.sql("insert into workspaces (id, name, slug, time_zone, locale, created_at, version)"
                + " values (?, 'W', 'w', 'UTC', 'en-GB', current_timestamp, 0)").param(workspace).update();
        for (String day : List.of("2026-11-03", "2026-11-01", "2026-11-07")) {
            jdbc.sql("insert into analytics_rollups (tenant_id, campaign_id, granularity, period_start, channel, metric,"
                    + " currency, rollup_value, updated_at) values (?, ?, 'DAY', ?, '', 'CLICKS', '', 5,"
                    + " current_timestamp)").params(workspace, campaign, LocalDate.parse(day)).update();
        }

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("select tenant_id, campaign_id, granularity, period_start from analytics_changes")
                .query((r, i) -> List.of(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                        LocalDate.ofInstant(r.getTimestamp(4).toInstant(), ZoneOffset.UTC))).list())
                .containsExactly(List.of(workspace, campaign, "DAY", LocalDate.parse("2026-11-01")));
        assertThat(jdbc.sql("select count(*) from analytics_running_totals").query(Long.class).single()).isZero();
    }
}
