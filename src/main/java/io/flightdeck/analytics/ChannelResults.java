package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each channel of several campaigns earned over their whole lives, for modules that learn from a workspace's
 * history (guidance's "what worked"): one query over the daily rollups of the current workspace, never the raw facts.
 * Numbers on no channel, or on a channel the app does not know, are left out, and so is a channel of a campaign whose
 * numbers there are simulated ({@link SimulatedNumbers}), except in the demo workspace.
 */
@Service
public class ChannelResults {

    private static final int MAX_CAMPAIGNS = 1000;

    private final JdbcClient jdbc;
    private final SimulatedNumbers simulated;

    ChannelResults(JdbcClient jdbc, SimulatedNumbers simulated) {
        this.jdbc = jdbc;
        this.simulated = simulated;
    }

    /**
     * Totals per campaign and channel of the given campaigns of the current workspace (another workspace's ids find
     * nothing); campaigns without numbers are absent. At most the first thousand ids are read.
     */
    @Transactional(readOnly = true)
    public Map<UUID, List<ChannelResult>> of(Collection<UUID> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = campaignIds.stream().distinct().limit(MAX_CAMPAIGNS).toList();
        Map<UUID, Set<String>> leftOut = simulated.leftOutOfGuidance(ids);
        Map<UUID, Map<Channel, Sums>> sums = new LinkedHashMap<>();
        jdbc.sql("select campaign_id, channel, metric, currency, sum(rollup_value) from analytics_rollups"
                + " where tenant_id = :tenant and campaign_id in (:ids) and granularity = 'DAY'"
                + " and metric in ('IMPRESSIONS', 'DELIVERED', 'CLICKS', 'CONVERSIONS', 'SPEND', 'REVENUE')"
                + " group by campaign_id, channel, metric, currency")
                .param("tenant", TenantScope.require()).param("ids", ids)
                .query((RowCallbackHandler) r -> {
                    java.util.Optional<Channel> channel = channel(r.getString(2));
                    UUID campaign = r.getObject(1, UUID.class);
                    if (channel.isPresent() && !leftOut.getOrDefault(campaign, Set.of()).contains(r.getString(2))) {
                        sums.computeIfAbsent(campaign, k -> new LinkedHashMap<>())
                                .computeIfAbsent(channel.get(), k -> new Sums())
                                .add(r.getString(3), r.getString(4), r.getBigDecimal(5));
                    }
                });
        Map<UUID, List<ChannelResult>> results = new HashMap<>();
        sums.forEach((campaign, byChannel) -> {
            List<ChannelResult> list = new ArrayList<>();
            byChannel.forEach((channel, s) -> list.add(s.result(channel)));
            results.put(campaign, List.copyOf(list));
        });
        return results;
    }

    private static java.util.Optional<Channel> channel(String name) {
        for (Channel c : Channel.values()) {
            if (c.name().equals(name)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /** One channel's sums; money per currency, so that currencies are never added together. */
    private static final class Sums {
        private final Map<String, BigDecimal> counts = new HashMap<>();
        private final Map<String, BigDecimal> spend = new HashMap<>();
        private final Map<String, BigDecimal> revenue = new HashMap<>();

        void add(String metric, String currency, BigDecimal value) {
            switch (metric) {
                case "SPEND" -> spend.merge(currency, value, BigDecimal::add);
                case "REVENUE" -> revenue.merge(currency, value, BigDecimal::add);
                default -> counts.merge(metric, value, BigDecimal::add);
            }
        }

        ChannelResult result(Channel channel) {
            // the currency most was spent in (or earned in, without spend) stands for the channel's money
            String currency = spend.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElseGet(() -> revenue.entrySet().stream().max(Map.Entry.comparingByValue())
                            .map(Map.Entry::getKey).orElse(null));
            return new ChannelResult(channel, count("IMPRESSIONS"), count("DELIVERED"), count("CLICKS"),
                    count("CONVERSIONS"), currency == null || currency.isEmpty() ? null : currency,
                    currency == null ? BigDecimal.ZERO : spend.getOrDefault(currency, BigDecimal.ZERO),
                    currency == null ? BigDecimal.ZERO : revenue.getOrDefault(currency, BigDecimal.ZERO));
        }

        private long count(String metric) {
            return counts.getOrDefault(metric, BigDecimal.ZERO).longValue();
        }
    }
}
