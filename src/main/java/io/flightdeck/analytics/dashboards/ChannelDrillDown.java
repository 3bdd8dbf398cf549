package io.flightdeck.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.flightdeck.analytics.FactObjects;
import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drill-down from a campaign's channel to the posts, email sends and other objects behind its numbers: each
 * object's sums for the dashboard's range, by metric (money as {@code "SPEND EUR"}), most clicks first. Objects are
 * known only to the facts, so this reads the facts of one campaign, one channel and one range, counted on the
 * workspace's days as the rollups count them; the channel's total is the dashboard's.
 */
@Service
public class ChannelDrillDown {

    /** Objects listed at most; a channel with more says how many it left out. */
    public static final int MAX_OBJECTS = 200;

    private final JdbcClient jdbc;
    private final CampaignDashboards dashboards;
    private final ObjectNames names;

    ChannelDrillDown(JdbcClient jdbc, CampaignDashboards dashboards, ObjectNames names) {
        this.jdbc = jdbc;
        this.dashboards = dashboards;
        this.names = names;
    }

    /** One object: its type and id, its name and page when its module knows it, and its sums by metric. */
    public record ChannelObject(String objectType, String objectId, String label, @Nullable String path,
            Map<String, BigDecimal> values) {
    }

    public record ChannelObjects(UUID campaignId, String campaignName, String channel, String timeZone, LocalDate from,
            LocalDate to, Instant asOf, Kpis channelKpis, List<ChannelObject> objects, int leftOut) {
    }

    @Transactional(readOnly = true)
    public ChannelObjects of(UUID campaignId, String channel, LocalDate from, LocalDate to) {
        if (channel == null || channel.isBlank() || channel.length() > 40) {
            throw new InvalidInputException("channel", "A channel has 1 to 40 characters");
        }
        CampaignDashboard d = dashboards.of(campaignId, from, to);
        Kpis kpis = d.channels().stream().filter(c -> c.channel().equals(channel)).findFirst()
                .map(CampaignDashboards.ChannelKpis::kpis).orElse(null);
        ZoneId zone = ZoneId.of(d.timeZone());
        Map<String, Map<String, BigDecimal>> sums = new LinkedHashMap<>();
        jdbc.sql("select object_type, object_id, metric, currency, sum(fact_value) from analytics_facts"
                + " where tenant_id = ? and campaign_id = ? and channel = ? and ((granularity = 'HOUR'"
                + " and period_start >= ? and period_start < ?) or (granularity = 'DAY' and period_start >= ?"
                + " and period_start < ?)) group by object_type, object_id, metric, currency")
                .params(TenantScope.require(), campaignId, channel,
                        Timestamp.from(d.from().atStartOfDay(zone).toInstant()),
                        Timestamp.from(d.to().plusDays(1).atStartOfDay(zone).toInstant()),
                        Timestamp.from(d.from().atStartOfDay(ZoneOffset.UTC).toInstant()),
                        Timestamp.from(d.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((RowCallbackHandler) r -> sums.computeIfAbsent(r.getString(1) + ":" + r.getString(2),
                        k -> new TreeMap<>()).put(Kpis.Sums.key(r.getString(3), r.getString(4)).strip(),
                        Kpis.plain(r.getBigDecimal(5))));
        List<Map.Entry<String, Map<String, BigDecimal>>> ordered = new ArrayList<>(sums.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<String, Map<String, BigDecimal>> e) ->
                e.getValue().getOrDefault("CLICKS", BigDecimal.ZERO)).reversed().thenComparing(Map.Entry::getKey));
        List<Map.Entry<String, Map<String, BigDecimal>>> shown = ordered.subList(0, Math.min(MAX_OBJECTS, ordered.size()));
        Map<String, FactObjects.Named> named = names.of(shown.stream().map(Map.Entry::getKey).toList());
        List<ChannelObject> objects = new ArrayList<>();
        for (Map.Entry<String, Map<String, BigDecimal>> e : shown) {
            int colon = e.getKey().indexOf(':');
            FactObjects.Named known = named.get(e.getKey());
            objects.add(new ChannelObject(e.getKey().substring(0, colon), e.getKey().substring(colon + 1),
                    known != null ? known.label() : e.getKey().substring(0, colon) + " " + e.getKey().substring(colon + 1),
                    known != null ? known.path() : null, e.getValue()));
        }
        return new ChannelObjects(campaignId, d.campaignName(), channel, d.timeZone(), d.from(), d.to(), d.asOf(), kpis,
                objects, ordered.size() - shown.size());
    }
}
