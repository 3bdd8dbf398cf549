package io.flightdeck.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.flightdeck.analytics.NumbersOnTheWay;
import io.flightdeck.analytics.SimulatedNumbers;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's dashboard, read from the daily rollups only (never the raw facts): its key figures for a range of the
 * workspace's days beside the same number of days just before, the same per channel, and each day's counts and money
 * for the trend. It says as of when: the oldest change of the campaign's facts not yet in the rollups, or now; which
 * channels' numbers are simulated ({@link SimulatedNumbers}); and when the next numbers are due
 * ({@link NumbersOnTheWay}).
 */
@Service
public class CampaignDashboards {

    /** The longest range a dashboard covers: a year (and the year before it to compare). */
    public static final int MAX_DAYS = 366;
    /** The range when none is asked: the last 30 days, today included. */
    public static final int DEFAULT_DAYS = 30;
    /** The live-signal channel the rollups signal on, with the workspace id, whenever they fold changes in. */
    public static final String LIVE_CHANNEL = "analytics_rollups";

    private final JdbcClient jdbc;
    private final CampaignDirectory campaigns;
    private final Clock clock;
    private final SimulatedNumbers simulated;
    private final List<NumbersOnTheWay> onTheWay;
    private final WorkspaceDirectory workspaces;

    CampaignDashboards(JdbcClient jdbc, CampaignDirectory campaigns, Clock clock, SimulatedNumbers simulated,
            List<NumbersOnTheWay> onTheWay, WorkspaceDirectory workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.campaigns = campaigns;
        this.clock = clock;
        this.simulated = simulated;
        this.onTheWay = onTheWay;
    }

    /** One day of the trend: each metric's sum, money per currency ({@code "SPEND EUR"}), counts by metric alone. */
    public record TrendDay(LocalDate day, Map<String, BigDecimal> values) {
    }

    public record ChannelKpis(String channel, Kpis kpis) {
    }

    /**
     * A campaign's dashboard.
     *
     * @param simulatedChannels the channels whose numbers (some or all) were made up by the sandbox network, not
     *                          measured; an empty name stands for numbers on no channel. Empty when every number is
     *                          real.
     * @param arriving          numbers on their way, soonest first (a published post's first look)
     */
    public record CampaignDashboard(UUID campaignId, String campaignName, String timeZone, LocalDate from, LocalDate to,
            LocalDate previousFrom, LocalDate previousTo, Instant asOf, Kpis totals, List<ChannelKpis> channels,
            List<TrendDay> trend, List<String> simulatedChannels, List<NumbersOnTheWay.Arrival> arriving) {

        /** Whether any number shown is simulated. */
        public boolean simulated() {
            return !simulatedChannels.isEmpty();
        }
    }

    /** The dashboard for {@code from} to {@code to}, the workspace's days, both included; null ends mean the default. */
    @Transactional(readOnly = true)
    public CampaignDashboard of(UUID campaignId, LocalDate from, LocalDate to) {
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        UUID tenant = TenantScope.require();
        DayRange range = DayRange.of(from, to, DayRange.zoneOf(workspaces, tenant), clock.instant());
        LocalDate start = range.from();
        LocalDate end = range.to();

        // one read of the two periods' days: per channel and metric, split into now and before here
        Map<String, Map<String, BigDecimal>> now = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> before = new TreeMap<>();
        Map<LocalDate, Map<String, BigDecimal>> trend = new TreeMap<>();
        jdbc.sql("select period_start, channel, metric, currency, rollup_value from analytics_rollups"
                + " where tenant_id = ? and campaign_id = ? and granularity = 'DAY' and period_start >= ?"
                + " and period_start <= ?")
                .params(tenant, campaignId, range.previousFrom(), end)
                .query((RowCallbackHandler) r -> {
                    LocalDate day = r.getObject(1, LocalDate.class);
                    String key = Kpis.Sums.key(r.getString(3), r.getString(4));
                    BigDecimal value = r.getBigDecimal(5);
                    Map<String, Map<String, BigDecimal>> period = day.isBefore(start) ? before : now;
                    for (String channel : List.of("", r.getString(2))) {
                        period.computeIfAbsent(channel, c -> new HashMap<>()).merge(key, value, BigDecimal::add);
                    }
                    if (!day.isBefore(start)) {
                        trend.computeIfAbsent(day, d -> new TreeMap<>()).merge(key.strip(), value, BigDecimal::add);
                    }
                });
        Kpis totals = Kpis.of(sums(now, ""), sums(before, ""));
        List<ChannelKpis> channels = new ArrayList<>();
        for (String channel : union(now, before)) {
            if (!channel.isEmpty()) {
                channels.add(new ChannelKpis(channel, Kpis.of(sums(now, channel), sums(before, channel))));
            }
        }
        List<TrendDay> series = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            Map<String, BigDecimal> values = new TreeMap<>();
            trend.getOrDefault(d, Map.of()).forEach((k, v) -> values.put(k, Kpis.plain(v)));
            series.add(new TrendDay(d, values));
        }
        return new CampaignDashboard(campaignId, campaign.name(), range.zone().getId(), start, end, range.previousFrom(),
                range.previousTo(), asOf(tenant, campaignId), totals, channels, series, simulated.channels(campaignId),
                arriving(campaignId));
    }

    /**
     * What an open dashboard compares to know its numbers moved: how many times the rollups have folded changes of the
     * campaign in (any change, a fact removed too, counts), or of any campaign of the workspace when
     * {@code campaignId} is null; a look-up by key, not a read of the rollups.
     */
    @Transactional(readOnly = true)
    public String foldMark(UUID campaignId) {
        UUID tenant = TenantScope.require();
        Long folds = campaignId == null
                ? jdbc.sql("select coalesce(sum(folds), 0) from analytics_folds where tenant_id = ?").param(tenant)
                        .query(Long.class).single()
                : jdbc.sql("select folds from analytics_folds where tenant_id = ? and campaign_id = ?")
                        .params(tenant, campaignId).query(Long.class).optional().orElse(null);
        return folds == null ? "0" : folds.toString();
    }

    /** The current workspace's time zone, whose days the rollups and reports count in. */
    public java.time.ZoneId workspaceZone() {
        return DayRange.zoneOf(workspaces, TenantScope.require());
    }

    /** When the rollups last folded changes of the campaign in; empty before they ever have. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastFolded(UUID campaignId) {
        return jdbc.sql("select folded_at from analytics_folds where tenant_id = ? and campaign_id = ?")
                .params(TenantScope.require(), campaignId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private List<NumbersOnTheWay.Arrival> arriving(UUID campaignId) {
        List<NumbersOnTheWay.Arrival> all = new ArrayList<>();
        onTheWay.forEach(module -> module.next(campaignId).ifPresent(all::add));
        all.sort(java.util.Comparator.comparing(NumbersOnTheWay.Arrival::at,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return all;
    }

    /** Everything before the oldest change of the campaign still waiting for the rollups is in; else all of it. */
    private Instant asOf(UUID tenant, UUID campaignId) {
        Timestamp waiting = jdbc.sql("select min(changed_at) from analytics_changes where tenant_id = ?"
                + " and campaign_id = ?").params(tenant, campaignId).query(Timestamp.class).optional().orElse(null);
        return waiting != null ? waiting.toInstant() : clock.instant();
    }

    private static Kpis.Sums sums(Map<String, Map<String, BigDecimal>> period, String channel) {
        return new Kpis.Sums(period.getOrDefault(channel, Map.of()));
    }

    private static java.util.SortedSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.SortedSet<String> all = new java.util.TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
