package io.flightdeck.analytics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every campaign's impressions and clicks per channel in a workspace, the baseline a campaign's channels are compared
 * with. Reading it means reading every weekly rollup of the workspace (217,000 rows in the guidance benchmark, most of
 * an evaluation's time), and it moves slowly, so each node keeps it per workspace until the rollup job folds new
 * numbers in on this node, or for {@link #KEPT} (numbers folded on another node). Per campaign, so that a campaign's
 * own fresh figures can be set apart from the others'. Simulated numbers are not part of the baseline
 * ({@link SimulatedNumbers}), except in the demo workspace.
 */
@Component
class WorkspaceChannelTotals {

    static final Duration KEPT = Duration.ofMinutes(5);

    /** Per channel, per campaign: impressions and clicks. */
    private final Cache<UUID, Map<String, Map<UUID, long[]>>> byWorkspace = Caffeine.newBuilder()
            .expireAfterWrite(KEPT).maximumSize(2_000).build();
    private final JdbcClient jdbc;
    private final SimulatedNumbers simulated;

    WorkspaceChannelTotals(JdbcClient jdbc, SimulatedNumbers simulated) {
        this.jdbc = jdbc;
        this.simulated = simulated;
    }

    /** The workspace's totals; the caller is in the workspace's tenant scope. */
    Map<String, Map<UUID, long[]>> of(UUID tenant) {
        return byWorkspace.get(tenant, this::read);
    }

    /** Called once new numbers of the workspace are committed. */
    void forget(UUID tenant) {
        byWorkspace.invalidate(tenant);
    }

    private Map<String, Map<UUID, long[]>> read(UUID tenant) {
        Map<String, Map<UUID, long[]>> totals = new HashMap<>();
        Map<UUID, Set<String>> leftOut = simulated.leftOutOfGuidance(tenant);
        jdbc.sql("select channel, campaign_id, metric, sum(rollup_value) from analytics_rollups where tenant_id = ?"
                + " and granularity = 'WEEK' and channel <> '' and metric in ('IMPRESSIONS', 'CLICKS')"
                + " group by channel, campaign_id, metric")
                .param(tenant)
                .query((RowCallbackHandler) r -> {
                    UUID campaign = r.getObject(2, UUID.class);
                    if (!leftOut.getOrDefault(campaign, Set.of()).contains(r.getString(1))) {
                        totals.computeIfAbsent(r.getString(1), k -> new HashMap<>())
                                .computeIfAbsent(campaign, k -> new long[2])
                                ["CLICKS".equals(r.getString(3)) ? 1 : 0] += r.getBigDecimal(4).longValue();
                    }
                });
        return totals;
    }
}
