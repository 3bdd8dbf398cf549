package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metric facts of the current workspace. A fact is written on its key, so a source that sends the same numbers
 * again, or a revised number, replaces what was there rather than adding to it (one MERGE per fact, batched, the same
 * SQL on PostgreSQL and H2). A source that recomputes an object's numbers whole replaces the object's facts, so a
 * period that no longer has a number loses its old one.
 */
@Service
public class MetricFacts {

    private static final int BATCH = 1000;
    private static final String MERGE = """
            merge into analytics_facts f
            using (values (cast(? as uuid), cast(? as varchar(40)), cast(? as varchar(40)), cast(? as varchar(100)),
                           cast(? as varchar(20)), cast(? as varchar(5)), cast(? as timestamp with time zone),
                           cast(? as uuid), cast(? as varchar(40)), cast(? as decimal(20, 4)), cast(? as varchar(3)),
                           cast(? as timestamp with time zone)))
                  as s (tenant_id, source, object_type, object_id, metric, granularity, period_start, campaign_id,
                        channel, fact_value, currency, updated_at)
            on f.tenant_id = s.tenant_id and f.source = s.source and f.object_type = s.object_type
               and f.object_id = s.object_id and f.metric = s.metric and f.granularity = s.granularity
               and f.period_start = s.period_start
            when matched and (f.fact_value <> s.fact_value or f.currency is distinct from s.currency
                              or f.campaign_id is distinct from s.campaign_id or f.channel is distinct from s.channel)
                then update set fact_value = s.fact_value, currency = s.currency, campaign_id = s.campaign_id,
                                channel = s.channel, updated_at = s.updated_at
            when not matched then insert (tenant_id, source, object_type, object_id, metric, granularity, period_start,
                                          campaign_id, channel, fact_value, currency, updated_at)
                values (s.tenant_id, s.source, s.object_type, s.object_id, s.metric, s.granularity, s.period_start,
                        s.campaign_id, s.channel, s.fact_value, s.currency, s.updated_at)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    MetricFacts(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** Writes each fact on its key: new ones are added, known ones take the new number (unchanged ones stay as they were). */
    @Transactional
    public void upsert(List<MetricFact> facts) {
        UUID tenant = TenantScope.require();
        Timestamp now = Timestamp.from(clock.instant());
        batch.batchUpdate(MERGE, facts, BATCH, (PreparedStatement ps, MetricFact f) -> {
            ps.setObject(1, tenant);
            ps.setString(2, f.source());
            ps.setString(3, f.objectType());
            ps.setString(4, f.objectId());
            ps.setString(5, f.metric().name());
            ps.setString(6, f.granularity().name());
            ps.setTimestamp(7, Timestamp.from(f.periodStart()));
            ps.setObject(8, f.campaignId());
            ps.setString(9, f.channel());
            ps.setBigDecimal(10, f.value());
            ps.setString(11, f.currency());
            ps.setTimestamp(12, now);
        });
        changed(tenant, facts.stream().filter(f -> f.campaignId() != null)
                .map(f -> new Period(f.campaignId(), f.granularity().name(), f.periodStart().toEpochMilli())).toList(),
                now);
    }

    /**
     * Tells the rollups which campaigns' periods to make again ({@link Rollups}), in the writer's transaction: once
     * per period however many facts it had. Facts written unchanged are told too; the rollup comes out the same.
     */
    private void changed(UUID tenant, List<Period> periods, Timestamp now) {
        batch.batchUpdate("insert into analytics_changes (tenant_id, campaign_id, granularity, period_start, changed_at)"
                + " values (?, ?, ?, ?, ?)", new ArrayList<>(new HashSet<>(periods)), BATCH,
                (PreparedStatement ps, Period p) -> {
                    ps.setObject(1, tenant);
                    ps.setObject(2, p.campaignId());
                    ps.setString(3, p.granularity());
                    ps.setTimestamp(4, new Timestamp(p.periodStartMillis()));
                    ps.setTimestamp(5, now);
                });
    }

    /**
     * Replaces everything known of one object from one source with {@code facts} (each of which must be that
     * object's): the facts are written on their keys and the object's other facts are removed.
     */
    @Transactional
    public void replace(String source, String objectType, String objectId, List<MetricFact> facts) {
        Set<Key> keep = new HashSet<>();
        for (MetricFact f : facts) {
            if (!f.source().equals(source) || !f.objectType().equals(objectType) || !f.objectId().equals(objectId)) {
                throw new IllegalArgumentException("A fact of " + f.source() + " " + f.objectType() + " " + f.objectId()
                        + " among those of " + source + " " + objectType + " " + objectId);
            }
            keep.add(new Key(f.metric().name(), f.granularity().name(), f.periodStart().toEpochMilli()));
        }
        UUID tenant = TenantScope.require();
        List<Key> gone = new ArrayList<>();
        List<Period> emptied = new ArrayList<>();
        jdbc.sql("select metric, granularity, period_start, campaign_id from analytics_facts where tenant_id = ?"
                + " and source = ? and object_type = ? and object_id = ?").params(tenant, source, objectType, objectId)
                .query((RowCallbackHandler) r -> {
                    Key k = new Key(r.getString(1), r.getString(2), r.getTimestamp(3).getTime());
                    UUID campaign = r.getObject(4, UUID.class);
                    if (!keep.contains(k)) {
                        gone.add(k);
                        if (campaign != null) {
                            emptied.add(new Period(campaign, k.granularity(), k.periodStartMillis()));
                        }
                    }
                });
        batch.batchUpdate("delete from analytics_facts where tenant_id = ? and source = ? and object_type = ?"
                + " and object_id = ? and metric = ? and granularity = ? and period_start = ?", gone, BATCH,
                (PreparedStatement ps, Key k) -> {
                    ps.setObject(1, tenant);
                    ps.setString(2, source);
                    ps.setString(3, objectType);
                    ps.setString(4, objectId);
                    ps.setString(5, k.metric());
                    ps.setString(6, k.granularity());
                    ps.setTimestamp(7, new Timestamp(k.periodStartMillis()));
                });
        changed(tenant, emptied, Timestamp.from(clock.instant()));
        upsert(facts);
    }

    /**
     * Removes one object's facts of one metric and granularity whose periods start from {@code from} (included) to
     * {@code to} (excluded); answers how many went. The rollups of their days are made again without them.
     */
    @Transactional
    public int remove(String source, String objectType, String objectId, Metric metric, Granularity granularity,
            java.time.Instant from, java.time.Instant to) {
        UUID tenant = TenantScope.require();
        String where = " from analytics_facts where tenant_id = ? and source = ? and object_type = ? and object_id = ?"
                + " and metric = ? and granularity = ? and period_start >= ? and period_start < ?";
        Object[] params = {tenant, source, objectType, objectId, metric.name(), granularity.name(), Timestamp.from(from),
                Timestamp.from(to)};
        List<Period> emptied = jdbc.sql("select campaign_id, period_start" + where + " and campaign_id is not null")
                .params(params)
                .query((r, i) -> new Period(r.getObject(1, UUID.class), granularity.name(), r.getTimestamp(2).getTime()))
                .list();
        int removed = jdbc.sql("delete" + where).params(params).update();
        changed(tenant, emptied, Timestamp.from(clock.instant()));
        return removed;
    }

    /**
     * Writes what one object's totals over its life so far grew by in their period (a network reports a post's
     * numbers so far, a person enters a space's). {@code totals}: facts of one object and one period, each carrying
     * the total so far. Each fact written is the total less the object's facts of earlier periods, so a second look
     * in the same period replaces rather than adds, the object's facts always add up to its latest totals, and a
     * lowered total gives the period a negative growth. A total that did not grow gets no row, unless an earlier
     * look in the period wrote one that must become 0.
     */
    @Transactional
    public void upsertGrowth(List<MetricFact> totals) {
        if (totals.isEmpty()) {
            return;
        }
        MetricFact first = totals.get(0);
        Map<String, BigDecimal> earlier = new HashMap<>();
        Set<String> thisPeriod = new HashSet<>();
        for (MetricFact f : of(first.source(), first.objectType(), first.objectId())) {
            if (f.periodStart().isBefore(first.periodStart())) {
                earlier.merge(f.metric() + " " + f.currency(), f.value(), BigDecimal::add);
            } else if (f.periodStart().equals(first.periodStart())) {
                thisPeriod.add(f.metric() + " " + f.currency());
            }
        }
        List<MetricFact> grown = new ArrayList<>();
        for (MetricFact t : totals) {
            String key = t.metric() + " " + t.currency();
            BigDecimal growth = t.value().subtract(earlier.getOrDefault(key, BigDecimal.ZERO));
            if (growth.signum() != 0 || thisPeriod.contains(key)) {
                grown.add(new MetricFact(t.source(), t.objectType(), t.objectId(), t.campaignId(), t.channel(),
                        t.metric(), t.granularity(), t.periodStart(), growth, t.currency()));
            }
        }
        upsert(grown);
    }

    /** One object's facts from one source, by metric and period. */
    @Transactional(readOnly = true)
    public List<MetricFact> of(String source, String objectType, String objectId) {
        return jdbc.sql("select campaign_id, channel, metric, granularity, period_start, fact_value, currency"
                + " from analytics_facts where tenant_id = ? and source = ? and object_type = ? and object_id = ?"
                + " order by metric, granularity, period_start")
                .params(TenantScope.require(), source, objectType, objectId)
                .query((r, i) -> new MetricFact(source, objectType, objectId, r.getObject(1, UUID.class),
                        r.getString(2), Metric.valueOf(r.getString(3)), Granularity.valueOf(r.getString(4)),
                        r.getTimestamp(5).toInstant(), strip(r.getBigDecimal(6)), r.getString(7)))
                .list();
    }

    private static BigDecimal strip(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private record Key(String metric, String granularity, long periodStartMillis) {
    }

    private record Period(UUID campaignId, String granularity, long periodStartMillis) {
    }
}
