package io.flightdeck.assets.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.flightdeck.assets.AssetType;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Performance by use and day, as imports write it, and the totals derived from it: each use's, each asset's (across its
 * uses) and the space's. Rows are written with batched {@code MERGE} statements and the totals recounted set-based,
 * never through the entities (whose total columns are not updatable). This is native SQL, which {@code @TenantId} does
 * not cover, so every statement names the workspace itself.
 * <p>
 * A day already written by another import is replaced; rows of the same use and day within one import add up (an
 * export segmented by device or network has several). So importing a file again changes nothing, and a corrected file
 * replaces what the first one said.
 */
@Component
public class PerformanceDays {

    /** Rows per MERGE statement: large enough that a statement costs little per row, small enough to plan quickly. */
    static final int ROWS_PER_STATEMENT = 1_000;

    private static final String ROW = "(cast(? as uuid), cast(? as uuid), cast(? as date), cast(? as varchar(16)), "
            + "cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as decimal(16, 2)), "
            + "cast(? as decimal(16, 2)), cast(? as uuid))";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final EnteredSpaceNumbers entered;
    private final Map<Integer, String> mergeStatements = new ConcurrentHashMap<>();

    PerformanceDays(JdbcClient jdbc, JdbcTemplate jdbcTemplate, EnteredSpaceNumbers entered) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.entered = entered;
    }

    /** Every asset in the space (archived ones too: their history counts), with the use that places it there. */
    @Transactional(readOnly = true)
    public List<ImportTarget> targets(UUID spaceId) {
        UUID tenant = TenantScope.require();
        return jdbc.sql("""
                select a.id, u.id, a.external_asset_id, a.name, a.asset_type, a.archived_at
                from asset_uses u join assets a on a.id = u.asset_id
                where u.tenant_id = ? and a.tenant_id = ? and u.space_id = ?
                order by u.used_at, u.id""")
                .params(tenant, tenant, spaceId)
                .query((rs, n) -> new ImportTarget(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), AssetType.valueOf(rs.getString(5)), rs.getObject(6) != null))
                .list();
    }

    /**
     * Writes the days in the caller's transaction, with the space's row locked first: imports into one space take
     * turns, because two MERGEs inserting the same new key at once would collide.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(UUID spaceId, UUID importId, String source, List<PerformanceDay> days) {
        UUID tenant = TenantScope.require();
        lockSpace(tenant, spaceId);
        // one statement may not touch a row twice, so repeats of a use and day are added up before they are sent
        Map<Key, PerformanceDay> merged = new LinkedHashMap<>();
        for (PerformanceDay day : days) {
            merged.merge(new Key(day.useId(), day.day()), day, PerformanceDay::plus);
        }
        List<PerformanceDay> rows = new ArrayList<>(merged.values());
        // plain JDBC with typed setters: binding thousands of parameters per statement through JdbcClient's generic
        // setter cost more than the statements themselves (see docs/benchmarks.md, "Asset imports")
        jdbcTemplate.execute((ConnectionCallback<Void>) connection -> {
            lookUpByKey(connection);
            int full = rows.size() / ROWS_PER_STATEMENT;
            if (full > 0) {
                try (PreparedStatement merge = connection.prepareStatement(mergeStatement(ROWS_PER_STATEMENT))) {
                    for (int chunk = 0; chunk < full; chunk++) {
                        bind(merge, rows.subList(chunk * ROWS_PER_STATEMENT, (chunk + 1) * ROWS_PER_STATEMENT), tenant,
                                source, importId);
                        merge.addBatch();
                    }
                    merge.executeBatch();
                }
            }
            int rest = rows.size() % ROWS_PER_STATEMENT;
            if (rest > 0) {
                try (PreparedStatement merge = connection.prepareStatement(mergeStatement(rest))) {
                    bind(merge, rows.subList(rows.size() - rest, rows.size()), tenant, source, importId);
                    merge.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * On PostgreSQL, the MERGE looks each row up by the key, whatever the table's size. The driver prepares a statement
     * run often on the server, whose generic plan then serves every later run; made while the table was nearly empty,
     * that plan was a hash join over a scan of the whole table, so each batch cost more as the import grew the table
     * (a first import of 1,000,000 rows ran at a third of its later speed until autovacuum's ANALYZE replaced the
     * plan). Planning every run instead cost as much as it saved. Joins other than the nested loop are switched off
     * for the transaction only; the key's index makes each lookup a few pages however large the table is.
     */
    private static void lookUpByKey(Connection connection) throws SQLException {
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement settings = connection.createStatement()) {
                settings.execute("set local enable_hashjoin = off");
                settings.execute("set local enable_mergejoin = off");
                settings.execute("set local enable_seqscan = off");
            }
        }
    }

    private record Key(UUID useId, java.time.LocalDate day) {
    }

    private static void bind(PreparedStatement merge, List<PerformanceDay> chunk, UUID tenant, String source,
            UUID importId) throws SQLException {
        int i = 1;
        for (PerformanceDay d : chunk) {
            merge.setObject(i++, tenant);
            merge.setObject(i++, d.useId());
            merge.setObject(i++, d.day());
            merge.setString(i++, source);
            merge.setLong(i++, d.impressions());
            merge.setLong(i++, d.clicks());
            merge.setLong(i++, d.conversions());
            merge.setBigDecimal(i++, d.spend());
            merge.setBigDecimal(i++, d.revenue());
            merge.setObject(i++, importId);
        }
    }

    /**
     * Recounts from the day rows: the totals of the space's uses that have any, then of every asset placed in the
     * space (across all of its uses), then the space's own (the sum of its uses; a platform sync replaces them again).
     * The space's version moves, because its entity writes these columns too.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Optional<String> recountTotals(UUID spaceId, Instant now) {
        UUID tenant = TenantScope.require();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        lockSpace(tenant, spaceId);
        java.util.Optional<String> replaced = replacedEntered(tenant, spaceId);
        // correlated per use and per asset, so each sum is a range of the key's index whatever the planner's statistics
        // say; a join of the whole table was planned well or terribly depending on when it was last analysed
        jdbc.sql("""
                update asset_uses u set (impressions, clicks, conversions, spend, revenue) =
                       (select coalesce(sum(d.impressions), 0), coalesce(sum(d.clicks), 0),
                               coalesce(sum(d.conversions), 0), coalesce(sum(d.spend), 0), coalesce(sum(d.revenue), 0)
                        from asset_performance_days d where d.use_id = u.id and d.tenant_id = ?),
                    performance_synced_at = ?
                where u.tenant_id = ? and u.space_id = ?
                  and exists (select 1 from asset_performance_days d where d.use_id = u.id)""")
                .params(tenant, at, tenant, spaceId).update();
        recountAssetsIn(tenant, spaceId);
        jdbc.sql("""
                update campaign_spaces set
                    total_impressions = (select coalesce(sum(u.impressions), 0) from asset_uses u where u.tenant_id = ? and u.space_id = ?),
                    total_clicks = (select coalesce(sum(u.clicks), 0) from asset_uses u where u.tenant_id = ? and u.space_id = ?),
                    total_conversions = (select coalesce(sum(u.conversions), 0) from asset_uses u where u.tenant_id = ? and u.space_id = ?),
                    total_spend = (select coalesce(sum(u.spend), 0) from asset_uses u where u.tenant_id = ? and u.space_id = ?),
                    total_revenue = (select coalesce(sum(u.revenue), 0) from asset_uses u where u.tenant_id = ? and u.space_id = ?),
                    performance_synced_at = ?, performance_entered_at = null, performance_entered_by = null,
                    version = version + 1
                where id = ? and tenant_id = ?""")
                .params(tenant, spaceId, tenant, spaceId, tenant, spaceId, tenant, spaceId, tenant, spaceId, at, spaceId, tenant)
                .update();
        return replaced;
    }

    /**
     * The space's totals entered by hand, which the import's sums are about to replace: taken out of analytics (both
     * would count the same ads twice) and said in words for the import to keep; empty when none were entered.
     */
    private java.util.Optional<String> replacedEntered(UUID tenant, UUID spaceId) {
        java.util.Optional<String> words = jdbc.sql("select performance_entered_at, total_impressions, total_clicks,"
                + " total_conversions, total_spend, budget_currency, total_revenue from campaign_spaces where id = ? and tenant_id = ?"
                + " and performance_entered_at is not null").params(spaceId, tenant)
                .query((r, i) -> "Replaced the totals entered by hand on " + java.time.format.DateTimeFormatter
                        .ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                        .format(r.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC)) + " ("
                        + r.getLong(2) + " impressions, " + r.getLong(3) + " clicks, " + r.getLong(4)
                        + " conversions, spend " + r.getBigDecimal(5).toPlainString()
                        + (r.getString(6) == null ? "" : " " + r.getString(6)) + ", revenue "
                        + r.getBigDecimal(7).toPlainString() + (r.getString(6) == null ? "" : " " + r.getString(6))
                        + ") with the imported numbers.")
                .optional();
        if (words.isPresent()) {
            entered.withdraw(spaceId);
        }
        return words;
    }

    /**
     * The space is about to be deleted for good, its uses with it (the database cascades): their numbers leave the
     * totals of the assets placed there first, so an asset's totals stay the sum of the uses it still has.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdrawSpace(UUID spaceId) {
        UUID tenant = TenantScope.require();
        lockSpace(tenant, spaceId);
        jdbc.sql("""
                update asset_uses set impressions = 0, clicks = 0, conversions = 0, spend = 0, revenue = 0
                where tenant_id = ? and space_id = ?""")
                .params(tenant, spaceId).update();
        recountAssetsIn(tenant, spaceId);
    }

    /** Each asset placed in the space, summed across all of its uses, with its click-through rate. */
    private void recountAssetsIn(UUID tenant, UUID spaceId) {
        jdbc.sql("""
                update assets a set (impressions, clicks, conversions, spend, revenue) =
                       (select coalesce(sum(u.impressions), 0), coalesce(sum(u.clicks), 0),
                               coalesce(sum(u.conversions), 0), coalesce(sum(u.spend), 0), coalesce(sum(u.revenue), 0)
                        from asset_uses u where u.asset_id = a.id and u.tenant_id = ?)
                where a.tenant_id = ?
                  and a.id in (select su.asset_id from asset_uses su where su.tenant_id = ? and su.space_id = ?)""")
                .params(tenant, tenant, tenant, spaceId).update();
        jdbc.sql("""
                update assets set click_through_rate = case when impressions = 0 then null
                                                            else round(cast(clicks as decimal(24, 8)) / impressions, 8) end
                where tenant_id = ?
                  and id in (select su.asset_id from asset_uses su where su.tenant_id = ? and su.space_id = ?)""")
                .params(tenant, tenant, spaceId).update();
    }

    /**
     * Takes out the day rows an import wrote, so a platform sync that runs again writes its days afresh rather than
     * adding them to its own (rows of one import add up). The days it had replaced are written again by the run.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetImport(UUID spaceId, UUID importId) {
        UUID tenant = TenantScope.require();
        lockSpace(tenant, spaceId);
        // by the space's uses, so each is a range of the key's index (import_id has none)
        jdbc.sql("""
                delete from asset_performance_days
                where tenant_id = ? and import_id = ?
                  and use_id in (select u.id from asset_uses u where u.tenant_id = ? and u.space_id = ?)""")
                .params(tenant, importId, tenant, spaceId).update();
    }

    /** Locks the space's row until the caller's transaction ends: writers of one space's numbers take turns. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID spaceId) {
        lockSpace(TenantScope.require(), spaceId);
    }

    private void lockSpace(UUID tenant, UUID spaceId) {
        jdbc.sql("select id from campaign_spaces where id = ? and tenant_id = ? for update")
                .params(spaceId, tenant).query(UUID.class).optional();
    }

    /**
     * Replaces a day another import wrote; adds to one this import wrote (the same use and day again, further down
     * the file). A rerun after a crash resumes after its last committed row, so nothing is added twice.
     */
    private String mergeStatement(int rows) {
        return mergeStatements.computeIfAbsent(rows, PerformanceDays::mergeSql);
    }

    private static String mergeSql(int rows) {
        return """
                merge into asset_performance_days d
                using (values %s) as s (tenant_id, use_id, report_date, source, impressions, clicks, conversions,
                                        spend, revenue, import_id)
                on d.use_id = s.use_id and d.report_date = s.report_date and d.source = s.source and d.tenant_id = s.tenant_id
                when matched and d.import_id = s.import_id then update set impressions = d.impressions + s.impressions,
                     clicks = d.clicks + s.clicks, conversions = d.conversions + s.conversions,
                     spend = d.spend + s.spend, revenue = d.revenue + s.revenue
                when matched then update set impressions = s.impressions, clicks = s.clicks,
                     conversions = s.conversions, spend = s.spend, revenue = s.revenue, import_id = s.import_id
                when not matched then insert (tenant_id, use_id, report_date, source, impressions, clicks, conversions,
                                              spend, revenue, import_id)
                     values (s.tenant_id, s.use_id, s.report_date, s.source, s.impressions, s.clicks, s.conversions,
                             s.spend, s.revenue, s.import_id)"""
                .formatted(String.join(", ", java.util.Collections.nCopies(rows, ROW)));
    }
}
