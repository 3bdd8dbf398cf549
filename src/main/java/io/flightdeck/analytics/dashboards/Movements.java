package io.flightdeck.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.FactObjects;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.dashboards.MovementWords.Part;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Why did it move?": a campaign's figure in a range beside the same number of days before, its change split by
 * channel (from the daily rollups) and by the posts, email sends and other objects behind it (from the facts of this
 * one campaign and the two ranges, the only place that knows objects), largest share first, and said in words.
 */
@Service
public class Movements {

    /** Objects named one by one; the rest are summed as "others". */
    static final int OBJECTS_SHOWN = 5;

    private final JdbcClient jdbc;
    private final CampaignDirectory campaigns;
    private final ObjectNames names;
    private final Clock clock;
    private final WorkspaceDirectory workspaces;

    Movements(JdbcClient jdbc, CampaignDirectory campaigns, ObjectNames names, Clock clock,
            WorkspaceDirectory workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.campaigns = campaigns;
        this.names = names;
        this.clock = clock;
    }

    /** One part's share: {@code key} is a channel, or an object as {@code type:id}; label and path when known. */
    public record Contribution(String key, String label, @Nullable String path, BigDecimal value, BigDecimal previous,
            BigDecimal change, @Nullable BigDecimal changePercent, String words) {
    }

    public record Movement(UUID campaignId, Metric metric, @Nullable String currency, LocalDate from, LocalDate to,
            LocalDate previousFrom, LocalDate previousTo, BigDecimal value, BigDecimal previous, BigDecimal change,
            @Nullable BigDecimal changePercent, String summary, List<Contribution> channels, List<Contribution> objects) {
    }

    /**
     * How {@code metric} (in {@code currency} when it is money) moved between the range and the one before it; a null
     * end means the dashboard's default.
     */
    @Transactional(readOnly = true)
    public Movement of(UUID campaignId, Metric metric, String currency, LocalDate from, LocalDate to) {
        campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        if (metric == null) {
            throw new InvalidInputException("metric", "Say which figure to explain, such as CLICKS or SPEND");
        }
        if (metric.money() != (currency != null && !currency.isBlank())) {
            throw new InvalidInputException("currency", metric.money() ? metric + " is money: say which currency"
                    : metric + " is a count: it has no currency");
        }
        String money = metric.money() ? currency.strip().toUpperCase(java.util.Locale.ROOT) : "";
        if (metric.money() && !money.matches("[A-Z]{3}")) {
            throw new InvalidInputException("currency", "A currency is three letters (ISO 4217), such as EUR");
        }
        UUID tenant = TenantScope.require();
        // the dashboards' range, defaults and limits, so a range is refused in the same words everywhere
        DayRange range = DayRange.of(from, to, DayRange.zoneOf(workspaces, tenant), clock.instant());
        ZoneId zone = range.zone();
        LocalDate start = range.from();
        LocalDate end = range.to();
        LocalDate previousFrom = range.previousFrom();
        LocalDate previousTo = range.previousTo();

        Map<String, BigDecimal[]> channels = new LinkedHashMap<>();
        jdbc.sql("select period_start, channel, rollup_value from analytics_rollups where tenant_id = ?"
                + " and campaign_id = ? and granularity = 'DAY' and metric = ? and currency = ? and period_start >= ?"
                + " and period_start <= ?")
                .params(tenant, campaignId, metric.name(), money, previousFrom, end)
                .query((RowCallbackHandler) r -> add(channels, r.getString(2),
                        r.getObject(1, LocalDate.class).isBefore(start), r.getBigDecimal(3)));
        Map<String, BigDecimal[]> objects = new HashMap<>();
        objectSums(tenant, campaignId, metric, money, start, end, zone, objects, false);
        objectSums(tenant, campaignId, metric, money, previousFrom, previousTo, zone, objects, true);

        BigDecimal now = BigDecimal.ZERO;
        BigDecimal before = BigDecimal.ZERO;
        for (BigDecimal[] v : channels.values()) {
            now = now.add(v[0]);
            before = before.add(v[1]);
        }
        MovementWords words = new MovementWords(metric, money);
        int direction = now.compareTo(before);
        List<Contribution> byChannel = words.contributions(parts(channels, Map.of(), direction));
        List<Contribution> byObject = words.contributions(top(parts(objects, names.of(objects.keySet()), direction)));
        return new Movement(campaignId, metric, metric.money() ? money : null, start, end, previousFrom, previousTo,
                Kpis.plain(now), Kpis.plain(before), Kpis.plain(now.subtract(before)), MovementWords.percent(now, before),
                words.summary(now, before, byChannel, start, end, previousFrom, previousTo), byChannel, byObject);
    }

    /**
     * Each object's sum over the workspace's days {@code from} to {@code to}: an hour's fact by the zone's day its hour
     * starts in, a day's fact by the date it names, as the rollups count them.
     */
    private void objectSums(UUID tenant, UUID campaignId, Metric metric, String money, LocalDate from, LocalDate to,
            ZoneId zone, Map<String, BigDecimal[]> into, boolean previous) {
        jdbc.sql("select object_type, object_id, sum(fact_value) from analytics_facts where tenant_id = ?"
                + " and campaign_id = ? and metric = ? and coalesce(currency, '') = ? and ((granularity = 'HOUR'"
                + " and period_start >= ? and period_start < ?) or (granularity = 'DAY' and period_start >= ?"
                + " and period_start < ?)) group by object_type, object_id")
                .params(tenant, campaignId, metric.name(), money,
                        Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()),
                        Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((RowCallbackHandler) r -> add(into, r.getString(1) + ":" + r.getString(2), previous,
                        r.getBigDecimal(3)));
    }

    private static void add(Map<String, BigDecimal[]> sums, String key, boolean previous, BigDecimal value) {
        BigDecimal[] v = sums.computeIfAbsent(key == null || key.isEmpty() ? "" : key,
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        v[previous ? 1 : 0] = v[previous ? 1 : 0].add(value);
    }

    private static List<Part> parts(Map<String, BigDecimal[]> sums, Map<String, FactObjects.Named> names,
            int direction) {
        List<Part> parts = new ArrayList<>();
        sums.forEach((key, v) -> {
            FactObjects.Named named = names.get(key);
            parts.add(new Part(key, named != null ? named.label() : null, named != null ? named.path() : null, v[0],
                    v[1]));
        });
        // the largest share of the change first; of two as large, the one that moved with the whole; then by name
        parts.sort((a, b) -> {
            int bySize = b.change().abs().compareTo(a.change().abs());
            if (bySize != 0) {
                return bySize;
            }
            int byDirection = Boolean.compare(b.change().signum() == direction, a.change().signum() == direction);
            return byDirection != 0 ? byDirection : a.key().compareTo(b.key());
        });
        return parts;
    }

    /** The objects with the largest shares, and the rest as one "others". */
    private static List<Part> top(List<Part> parts) {
        if (parts.size() <= OBJECTS_SHOWN + 1) {
            return parts;
        }
        BigDecimal now = BigDecimal.ZERO;
        BigDecimal before = BigDecimal.ZERO;
        for (Part p : parts.subList(OBJECTS_SHOWN, parts.size())) {
            now = now.add(p.value());
            before = before.add(p.previous());
        }
        List<Part> shown = new ArrayList<>(parts.subList(0, OBJECTS_SHOWN));
        shown.add(new Part("", (parts.size() - OBJECTS_SHOWN) + " others", null, now, before));
        return shown;
    }
}
