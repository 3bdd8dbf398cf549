package io.flightdeck.analytics;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.identity.WorkspaceTimeZoneChanged;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace's days moved with its time zone, so its rollups are made again: every day that holds any of a campaign's
 * facts, and the day either side of it (an hour belongs to the day before or after its UTC date in a zone off UTC),
 * is handed to the rollups job as changed. A day made in the old zone lies within a day of some fact's UTC date, so
 * none is left behind; until the job has folded them in, dashboards show the old days and say so in their "as of".
 * Delivered again, it only hands the same days over once more.
 */
@Component
class ZoneChangeRollups {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Clock clock;

    ZoneChangeRollups(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.clock = clock;
    }

    private record Day(UUID campaignId, LocalDate day) {
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkspaceTimeZoneChanged event) {
        TenantScope.run(event.workspaceId(), () -> tx.executeWithoutResult(status -> rollAgain(event.workspaceId())));
    }

    private void rollAgain(UUID tenant) {
        List<Day> days = new ArrayList<>();
        jdbc.sql("select campaign_id, min(period_start), max(period_start) from analytics_facts where tenant_id = ?"
                + " and campaign_id is not null group by campaign_id").param(tenant)
                .query((RowCallbackHandler) r -> {
                    UUID campaign = r.getObject(1, UUID.class);
                    LocalDate last = LocalDate.ofInstant(r.getTimestamp(3).toInstant(), ZoneOffset.UTC).plusDays(1);
                    for (LocalDate d = LocalDate.ofInstant(r.getTimestamp(2).toInstant(), ZoneOffset.UTC).minusDays(1);
                            !d.isAfter(last); d = d.plusDays(1)) {
                        days.add(new Day(campaign, d));
                    }
                });
        Timestamp now = Timestamp.from(clock.instant());
        // a DAY change names a date, which the rollups rebuild in the zone the workspace has when they run
        batch.batchUpdate("insert into analytics_changes (tenant_id, campaign_id, granularity, period_start, changed_at)"
                + " values (?, ?, 'DAY', ?, ?)", days, BATCH, (PreparedStatement ps, Day d) -> {
                    ps.setObject(1, tenant);
                    ps.setObject(2, d.campaignId());
                    ps.setTimestamp(3, Timestamp.from(d.day().atStartOfDay(ZoneOffset.UTC).toInstant()));
                    ps.setTimestamp(4, now);
                });
    }
}
