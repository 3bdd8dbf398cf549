package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Facts written on their keys on PostgreSQL in one statement per chunk: the chunk's columns travel as arrays, are
 * unnested into rows and inserted, a key already there taking the new number (a number unchanged is left as it was).
 * One MERGE per fact, even batched, kept the database busy with a statement per row (the benchmark found it most of
 * the ingestion's database time). A key twice in a chunk keeps its last fact, as one write after another would.
 */
final class SetBasedFactWrites {

    /** Facts per statement: large enough to amortise the round trip, small enough for the arrays. */
    static final int CHUNK = 5000;

    private static final String UPSERT = """
            insert into analytics_facts as f (tenant_id, source, object_type, object_id, metric, granularity,
                                              period_start, campaign_id, channel, fact_value, currency, updated_at)
            select ?, s.source, s.object_type, s.object_id, s.metric, s.granularity, s.period_start, s.campaign_id,
                   s.channel, s.fact_value, s.currency, ?
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[],
                        ?::uuid[], ?::varchar[], ?::numeric[], ?::varchar[])
                 as s (source, object_type, object_id, metric, granularity, period_start, campaign_id, channel,
                       fact_value, currency)
            on conflict on constraint analytics_facts_key do update
                set fact_value = excluded.fact_value, currency = excluded.currency,
                    campaign_id = excluded.campaign_id, channel = excluded.channel, updated_at = excluded.updated_at
                where f.fact_value <> excluded.fact_value or f.currency is distinct from excluded.currency
                      or f.campaign_id is distinct from excluded.campaign_id
                      or f.channel is distinct from excluded.channel""";

    private SetBasedFactWrites() {
    }

    private record Key(String source, String objectType, String objectId, String metric, String granularity,
            long periodStartMillis) {
    }

    static void upsert(JdbcTemplate jdbc, UUID tenant, List<MetricFact> facts, Timestamp now) {
        Map<Key, MetricFact> last = new LinkedHashMap<>();
        for (MetricFact f : facts) {
            last.put(new Key(f.source(), f.objectType(), f.objectId(), f.metric().name(), f.granularity().name(),
                    f.periodStart().toEpochMilli()), f);
        }
        List<MetricFact> unique = List.copyOf(last.values());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
                for (int from = 0; from < unique.size(); from += CHUNK) {
                    bind(connection, ps, tenant, unique.subList(from, Math.min(from + CHUNK, unique.size())), now);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void bind(Connection connection, PreparedStatement ps, UUID tenant, List<MetricFact> chunk,
            Timestamp now) throws java.sql.SQLException {
        int n = chunk.size();
        String[] sources = new String[n];
        String[] objectTypes = new String[n];
        String[] objectIds = new String[n];
        String[] metrics = new String[n];
        String[] granularities = new String[n];
        Timestamp[] periods = new Timestamp[n];
        UUID[] campaigns = new UUID[n];
        String[] channels = new String[n];
        BigDecimal[] values = new BigDecimal[n];
        String[] currencies = new String[n];
        for (int i = 0; i < n; i++) {
            MetricFact f = chunk.get(i);
            sources[i] = f.source();
            objectTypes[i] = f.objectType();
            objectIds[i] = f.objectId();
            metrics[i] = f.metric().name();
            granularities[i] = f.granularity().name();
            periods[i] = Timestamp.from(f.periodStart());
            campaigns[i] = f.campaignId();
            channels[i] = f.channel();
            values[i] = f.value();
            currencies[i] = f.currency();
        }
        ps.setObject(1, tenant);
        ps.setTimestamp(2, now);
        ps.setArray(3, connection.createArrayOf("varchar", sources));
        ps.setArray(4, connection.createArrayOf("varchar", objectTypes));
        ps.setArray(5, connection.createArrayOf("varchar", objectIds));
        ps.setArray(6, connection.createArrayOf("varchar", metrics));
        ps.setArray(7, connection.createArrayOf("varchar", granularities));
        ps.setArray(8, connection.createArrayOf("timestamptz", periods));
        ps.setArray(9, connection.createArrayOf("uuid", campaigns));
        ps.setArray(10, connection.createArrayOf("varchar", channels));
        ps.setArray(11, connection.createArrayOf("numeric", values));
        ps.setArray(12, connection.createArrayOf("varchar", currencies));
    }
}
