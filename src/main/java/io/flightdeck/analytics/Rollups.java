package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.identity.WorkspaceSummary;
import io.flightdeck.shared.live.LiveSignals;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each campaign's daily and weekly rollups (per channel, metric and currency, in the workspace's time zone)
 * equal to the sums of its facts. Every write of facts appends the campaign periods it touched to
 * {@code analytics_changes}; each run folds those in: the local days they fall on are summed again from their facts
 * (an hour's fact counts on the workspace's day its hour starts in, a day's fact on the date it names), and the weeks
 * holding those days again from the days. Rebuilding a day whole, rather than adding the new numbers, is what makes a
 * revised or removed fact come out right. Amounts in different currencies stay in rows of their own. The campaign's
 * running totals ({@link RunningTotals}) follow its days in the same transaction.
 */
@Service
class Rollups {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);

    /** Changes folded in one transaction; a run goes on while batches come full, up to {@link #BATCHES_PER_RUN}. */
    static final int CHANGES_PER_BATCH = 20_000;
    private static final int BATCHES_PER_RUN = 20;
    private static final int WRITE_BATCH = 1000;
    /** Counts each campaign's folds: what open dashboards compare ({@code CampaignDashboards.foldMark}). */
    private static final String FOLDED = """
            merge into analytics_folds f
            using (values (cast(? as uuid), cast(? as uuid), cast(? as timestamp with time zone), cast(? as date)))
                  as s (tenant_id, campaign_id, folded_at, totals_through)
            on f.tenant_id = s.tenant_id and f.campaign_id = s.campaign_id
            when matched then update set folds = f.folds + 1, folded_at = s.folded_at,
                totals_through = s.totals_through
            when not matched then insert (tenant_id, campaign_id, folds, folded_at, totals_through)
                values (s.tenant_id, s.campaign_id, 1, s.folded_at, s.totals_through)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LiveSignals live;
    private final RunningTotals totals;
    private final WorkspaceChannelTotals channelTotals;
    private final WorkspaceDirectory workspaces;

    Rollups(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock, LiveSignals live,
            RunningTotals totals, WorkspaceChannelTotals channelTotals, WorkspaceDirectory workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.batch = batch;
        this.tx = tx;
        this.clock = clock;
        this.live = live;
        this.totals = totals;
        this.channelTotals = channelTotals;
    }

    private record Change(long id, UUID tenantId, UUID campaignId, String granularity, Instant periodStart) {
    }

    private record Row(LocalDate period, String channel, String metric, String currency) {
    }

    /** The job's work: folds in every change there is, a batch at a time. */
    void catchUp() {
        for (int i = 0; i < BATCHES_PER_RUN; i++) {
            if (foldBatch() < CHANGES_PER_BATCH) {
                return;
            }
        }
    }

    /** Folds the oldest changes in, each workspace in its own transaction; answers how many were read. */
    int foldBatch() {
        List<Change> changes = TenantScope.system("analytics rollups", () -> jdbc.sql(
                "select id, tenant_id, campaign_id, granularity, period_start from analytics_changes order by id"
                + " fetch first " + CHANGES_PER_BATCH + " rows only")
                .query((r, i) -> new Change(r.getLong(1), r.getObject(2, UUID.class), r.getObject(3, UUID.class),
                        r.getString(4), r.getTimestamp(5).toInstant())).list());
        Map<UUID, List<Change>> byTenant = new LinkedHashMap<>();
        changes.forEach(c -> byTenant.computeIfAbsent(c.tenantId(), t -> new ArrayList<>()).add(c));
        byTenant.forEach((tenant, theirs) -> {
            try {
                TenantScope.run(tenant, () -> tx.executeWithoutResult(status -> fold(tenant, theirs)));
                channelTotals.forget(tenant); // after the commit, so no read keeps the numbers from before it
            } catch (RuntimeException e) {
                // one workspace's trouble must not hold up the others' numbers: its changes wait for the next run
                log.warn("Rollups of workspace {} not made this time: {}", tenant, e.toString());
            }
        });
        return changes.size();
    }

    private void fold(UUID tenant, List<Change> changes) {
        ZoneId zone = workspaces.find(tenant).map(WorkspaceSummary::timeZone).orElse(null);
        if (zone != null) {
            rebuild(tenant, changes, zone);
            // open dashboards of the workspace, on any node, look again once this commits
            live.publish(CampaignDashboards.LIVE_CHANNEL, tenant.toString());
        }
        // exactly the rows read: one a writer committed meanwhile, even with a lower id, waits for the next batch
        batch.batchUpdate("delete from analytics_changes where id = ?", changes, WRITE_BATCH,
                (PreparedStatement ps, Change c) -> ps.setLong(1, c.id()));
    }

    private void rebuild(UUID tenant, List<Change> changes, ZoneId zone) {
        Map<UUID, SortedSet<LocalDate>> days = new HashMap<>();
        for (Change c : changes) {
            days.computeIfAbsent(c.campaignId(), k -> new TreeSet<>()).add(day(c.granularity(), c.periodStart(), zone));
        }
        Timestamp now = Timestamp.from(clock.instant());
        Map<UUID, LocalDate> totalsThrough = new HashMap<>();
        days.forEach((campaign, theirDays) -> {
            rebuildDays(tenant, campaign, theirDays, zone, now);
            rebuildWeeks(tenant, campaign, theirDays, now);
            totalsThrough.put(campaign, totals.rebuild(tenant, campaign, theirDays.first()));
        });
        batch.batchUpdate(FOLDED, new ArrayList<>(days.keySet()), WRITE_BATCH, (PreparedStatement ps, UUID campaign) -> {
            ps.setObject(1, tenant);
            ps.setObject(2, campaign);
            ps.setTimestamp(3, now);
            ps.setObject(4, totalsThrough.get(campaign), java.sql.Types.DATE);
        });
    }

    /** The workspace's day a fact counts on: its hour's start in the zone, or the date a day's fact names. */
    static LocalDate day(String granularity, Instant periodStart, ZoneId zone) {
        return LocalDate.ofInstant(periodStart, Granularity.HOUR.name().equals(granularity) ? zone : ZoneOffset.UTC);
    }

    private void rebuildDays(UUID tenant, UUID campaign, SortedSet<LocalDate> days, ZoneId zone, Timestamp now) {
        LocalDate first = days.first();
        LocalDate last = days.last();
        Map<Row, BigDecimal> sums = new LinkedHashMap<>();
        // hours grouped by their start, folded into local days here: the same SQL on both databases, any zone
        jdbc.sql("select granularity, period_start, channel, metric, currency, sum(fact_value) from analytics_facts"
                + " where tenant_id = ? and campaign_id = ? and ((granularity = 'HOUR' and period_start >= ?"
                + " and period_start < ?) or (granularity = 'DAY' and period_start >= ? and period_start < ?))"
                + " group by granularity, period_start, channel, metric, currency")
                .params(tenant, campaign, Timestamp.from(first.atStartOfDay(zone).toInstant()),
                        Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()),
                        Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()),
                        Timestamp.from(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((RowCallbackHandler) r -> {
                    LocalDate day = day(r.getString(1), r.getTimestamp(2).toInstant(), zone);
                    if (days.contains(day)) {
                        sums.merge(new Row(day, blank(r.getString(3)), r.getString(4), blank(r.getString(5))),
                                r.getBigDecimal(6), BigDecimal::add);
                    }
                });
        replace(tenant, campaign, Granularity.DAY.name(), new ArrayList<>(days), sums, now);
    }

    private void rebuildWeeks(UUID tenant, UUID campaign, SortedSet<LocalDate> days, Timestamp now) {
        SortedSet<LocalDate> weeks = new TreeSet<>();
        days.forEach(d -> weeks.add(monday(d)));
        Map<Row, BigDecimal> sums = new LinkedHashMap<>();
        jdbc.sql("select period_start, channel, metric, currency, rollup_value from analytics_rollups"
                + " where tenant_id = ? and campaign_id = ? and granularity = 'DAY' and period_start >= ?"
                + " and period_start < ?")
                .params(tenant, campaign, weeks.first(), weeks.last().plusDays(7))
                .query((RowCallbackHandler) r -> {
                    LocalDate week = monday(r.getObject(1, LocalDate.class));
                    if (weeks.contains(week)) {
                        sums.merge(new Row(week, r.getString(2), r.getString(3), r.getString(4)), r.getBigDecimal(5),
                                BigDecimal::add);
                    }
                });
        replace(tenant, campaign, "WEEK", new ArrayList<>(weeks), sums, now);
    }

    /**
     * The periods' rows, all of them, become {@code sums}: a row whose facts are gone goes, a changed one is updated
     * in place, an unchanged one is left alone. In place rather than deleted and inserted again: the newest days are
     * made again on every fold while numbers arrive, and an update that touches no indexed column leaves the indexes
     * as they were, where a delete and an insert would add an index entry each time and leave the old ones for every
     * later read of those days to step over until a vacuum comes.
     */
    private void replace(UUID tenant, UUID campaign, String granularity, List<LocalDate> periods,
            Map<Row, BigDecimal> sums, Timestamp now) {
        java.util.Set<LocalDate> wanted = new java.util.HashSet<>(periods);
        Map<Row, BigDecimal> inserts = new LinkedHashMap<>(sums);
        List<Map.Entry<Row, BigDecimal>> updates = new ArrayList<>();
        List<Row> deletes = new ArrayList<>();
        jdbc.sql("select period_start, channel, metric, currency, rollup_value from analytics_rollups"
                + " where tenant_id = ? and campaign_id = ? and granularity = ? and period_start >= ?"
                + " and period_start <= ?")
                .params(tenant, campaign, granularity, java.util.Collections.min(periods),
                        java.util.Collections.max(periods))
                .query((RowCallbackHandler) r -> {
                    Row row = new Row(r.getObject(1, LocalDate.class), r.getString(2), r.getString(3), r.getString(4));
                    if (!wanted.contains(row.period())) {
                        return;
                    }
                    BigDecimal value = inserts.remove(row);
                    if (value == null) {
                        deletes.add(row);
                    } else if (value.compareTo(r.getBigDecimal(5)) != 0) {
                        updates.add(Map.entry(row, value));
                    }
                });
        String key = " where tenant_id = ? and campaign_id = ? and granularity = ? and period_start = ? and channel = ?"
                + " and metric = ? and currency = ?";
        batch.batchUpdate("delete from analytics_rollups" + key, deletes, WRITE_BATCH,
                (PreparedStatement ps, Row row) -> setKey(ps, 1, tenant, campaign, granularity, row));
        batch.batchUpdate("update analytics_rollups set rollup_value = ?, updated_at = ?" + key, updates, WRITE_BATCH,
                (PreparedStatement ps, Map.Entry<Row, BigDecimal> e) -> {
                    ps.setBigDecimal(1, e.getValue());
                    ps.setTimestamp(2, now);
                    setKey(ps, 3, tenant, campaign, granularity, e.getKey());
                });
        batch.batchUpdate("insert into analytics_rollups (tenant_id, campaign_id, granularity, period_start, channel,"
                + " metric, currency, rollup_value, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new ArrayList<>(inserts.entrySet()), WRITE_BATCH,
                (PreparedStatement ps, Map.Entry<Row, BigDecimal> e) -> {
                    setKey(ps, 1, tenant, campaign, granularity, e.getKey());
                    ps.setBigDecimal(8, e.getValue());
                    ps.setTimestamp(9, now);
                });
    }

    /** The seven columns of a rollup's key, from parameter {@code first} on. */
    private static void setKey(PreparedStatement ps, int first, UUID tenant, UUID campaign, String granularity, Row row)
            throws java.sql.SQLException {
        ps.setObject(first, tenant);
        ps.setObject(first + 1, campaign);
        ps.setString(first + 2, granularity);
        ps.setObject(first + 3, row.period());
        ps.setString(first + 4, row.channel());
        ps.setString(first + 5, row.metric());
        ps.setString(first + 6, row.currency());
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
