package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a campaign's running totals ({@code analytics_running_totals}) equal to the running sums of its daily
 * rollups, all channels together, per metric and currency. Run by the rollups in the same transaction, after they
 * rebuilt the campaign's days: every total from the first rebuilt day on may have moved, so those are made again from
 * the totals of the day before and the daily rollups after it. Late numbers for an old day therefore rewrite the
 * totals up to the campaign's last day, which is rare; the usual new day at the end rewrites one day.
 */
@Component
class RunningTotals {

    private static final int WRITE_BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RunningTotals(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private record Key(String metric, String currency) {
    }

    private record Total(BigDecimal value, long rows) {

        static final Total NONE = new Total(BigDecimal.ZERO, 0);

        Total plus(BigDecimal value) {
            return new Total(this.value.add(value), rows + 1);
        }
    }

    private record Row(LocalDate day, Key key, Total total) {
    }

    /**
     * Makes the campaign's totals again from {@code firstChanged} on; answers its last day with totals, or null when
     * it has none.
     */
    LocalDate rebuild(UUID tenant, UUID campaign, LocalDate firstChanged) {
        // The totals carried in are those of the last day before the first changed one: the day before it, or the
        // campaign's last day with totals when that is earlier (rows are dense up to it, so that day holds every key
        // begun by then). Days are named exactly, never as a range: a range of the newest days lies past the
        // statistics, and the planner could take the workspace's index by day and filter out every other campaign.
        LocalDate through = jdbc.sql("select totals_through from analytics_folds where tenant_id = ?"
                + " and campaign_id = ?").params(tenant, campaign).query(LocalDate.class).optional().orElse(null);
        LocalDate candidate = through == null ? null
                : through.isBefore(firstChanged) ? through : firstChanged.minusDays(1);
        Map<Key, Total> running = new TreeMap<>(java.util.Comparator.comparing(Key::metric)
                .thenComparing(Key::currency));
        if (candidate != null) {
            jdbc.sql("select metric, currency, running_value, running_rows from analytics_running_totals"
                    + " where tenant_id = ? and campaign_id = ? and total_day = ?")
                    .params(tenant, campaign, candidate)
                    .query((RowCallbackHandler) r -> running.put(new Key(r.getString(1), r.getString(2)),
                            new Total(r.getBigDecimal(3), r.getLong(4))));
        }
        // no row that day: the campaign's totals begin after it, so none are carried in
        LocalDate carriedDay = running.isEmpty() ? null : candidate;
        // with nothing carried in, every daily rollup of the campaign is read: one made before its totals existed
        // (a campaign rolled up before this table) is counted too
        LocalDate from = carriedDay != null ? carriedDay.plusDays(1) : LocalDate.of(1, 1, 1);
        TreeMap<LocalDate, Map<Key, List<BigDecimal>>> days = new TreeMap<>();
        jdbc.sql("select period_start, metric, currency, rollup_value from analytics_rollups where tenant_id = ?"
                + " and campaign_id = ? and granularity = 'DAY' and period_start >= ?")
                .params(tenant, campaign, from)
                .query((RowCallbackHandler) r -> days.computeIfAbsent(r.getObject(1, LocalDate.class),
                        d -> new HashMap<>()).computeIfAbsent(new Key(r.getString(2), r.getString(3)),
                        k -> new ArrayList<>()).add(r.getBigDecimal(4)));
        List<Row> rows = new ArrayList<>();
        LocalDate last = days.isEmpty() ? carriedDay : days.lastKey();
        if (!days.isEmpty()) {
            for (LocalDate day = carriedDay != null ? from : days.firstKey(); !day.isAfter(last);
                    day = day.plusDays(1)) {
                Map<Key, List<BigDecimal>> today = days.getOrDefault(day, Map.of());
                for (Map.Entry<Key, List<BigDecimal>> e : today.entrySet()) {
                    Total total = running.getOrDefault(e.getKey(), Total.NONE);
                    for (BigDecimal value : e.getValue()) {
                        total = total.plus(value);
                    }
                    running.put(e.getKey(), total);
                }
                LocalDate at = day;
                running.forEach((key, total) -> rows.add(new Row(at, key, total)));
            }
        }
        if (carriedDay == null) {
            jdbc.sql("delete from analytics_running_totals where tenant_id = ? and campaign_id = ?")
                    .params(tenant, campaign).update();
        } else if (through != null && through.isAfter(carriedDay)) {
            List<LocalDate> gone = carriedDay.plusDays(1).datesUntil(through.plusDays(1)).toList();
            batch.batchUpdate("delete from analytics_running_totals where tenant_id = ? and campaign_id = ?"
                    + " and total_day = ?", gone, WRITE_BATCH, (PreparedStatement ps, LocalDate day) -> {
                        ps.setObject(1, tenant);
                        ps.setObject(2, campaign);
                        ps.setObject(3, day);
                    });
        }
        batch.batchUpdate("insert into analytics_running_totals (tenant_id, campaign_id, total_day, metric, currency,"
                + " running_value, running_rows) values (?, ?, ?, ?, ?, ?, ?)", rows, WRITE_BATCH,
                (PreparedStatement ps, Row row) -> {
                    ps.setObject(1, tenant);
                    ps.setObject(2, campaign);
                    ps.setObject(3, row.day());
                    ps.setString(4, row.key().metric());
                    ps.setString(5, row.key().currency());
                    ps.setBigDecimal(6, row.total().value());
                    ps.setLong(7, row.total().rows());
                });
        return last;
    }
}
