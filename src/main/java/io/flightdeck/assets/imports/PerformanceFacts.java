package io.flightdeck.assets.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.analytics.Granularity;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.domain.CampaignSpaceView;
import io.flightdeck.assets.domain.PerformanceDay;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A performance import's days as analytics facts: each use's day (impressions, clicks, conversions, and spend and
 * revenue in the space's currency) for the space's campaign, under the channel its ad platform is. The facts are
 * written from the rows as stored, not the batch just read, because an import adds up rows of the same use and day
 * across its batches (a segmented export), so the fact is always the day's whole number, and a later import of the
 * same day replaces it as it replaces the row. A space without a currency gives counts only: an amount without its
 * currency cannot be told apart from one in another.
 */
@Component
class PerformanceFacts {

    static final String SOURCE = "assets";
    static final String OBJECT_TYPE = "asset-use";

    private final JdbcClient jdbc;
    private final MetricFacts facts;

    PerformanceFacts(JdbcClient jdbc, MetricFacts facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    /** In the transaction that wrote {@code days} from {@code importSource} into the space. */
    void record(CampaignSpaceView space, String importSource, List<PerformanceDay> days) {
        if (days.isEmpty()) {
            return;
        }
        Set<UUID> uses = new HashSet<>();
        Set<String> keys = new HashSet<>();
        LocalDate first = days.get(0).day();
        LocalDate last = first;
        for (PerformanceDay d : days) {
            uses.add(d.useId());
            keys.add(d.useId() + " " + d.day());
            first = d.day().isBefore(first) ? d.day() : first;
            last = d.day().isAfter(last) ? d.day() : last;
        }
        String channel = channel(space.platform());
        String currency = space.budget() == null ? null : space.budget().currency();
        List<MetricFact> written = new ArrayList<>();
        jdbc.sql("select use_id, report_date, impressions, clicks, conversions, spend, revenue"
                + " from asset_performance_days where tenant_id = :tenant and source = :source and use_id in (:uses)"
                + " and report_date between :first and :last")
                .param("tenant", TenantScope.require()).param("source", importSource).param("uses", uses)
                .param("first", first).param("last", last)
                .query((RowCallbackHandler) r -> {
                    UUID use = r.getObject(1, UUID.class);
                    LocalDate day = r.getObject(2, LocalDate.class);
                    if (!keys.contains(use + " " + day)) {
                        return; // a day of these uses this batch did not touch: already a fact
                    }
                    String objectId = use + ":" + importSource;
                    java.time.Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                    written.add(count(space, objectId, channel, Metric.IMPRESSIONS, start, r.getLong(3)));
                    written.add(count(space, objectId, channel, Metric.CLICKS, start, r.getLong(4)));
                    written.add(count(space, objectId, channel, Metric.CONVERSIONS, start, r.getLong(5)));
                    if (currency != null) {
                        written.add(money(space, objectId, channel, Metric.SPEND, start, r.getBigDecimal(6), currency));
                        written.add(money(space, objectId, channel, Metric.REVENUE, start, r.getBigDecimal(7), currency));
                    }
                });
        facts.upsert(written);
    }

    /** The campaign channel an ad platform's numbers count under; platforms without one keep their own name. */
    static String channel(AdPlatform platform) {
        return platform.channel();
    }

    private static MetricFact count(CampaignSpaceView space, String objectId, String channel, Metric metric,
            java.time.Instant day, long value) {
        return new MetricFact(SOURCE, OBJECT_TYPE, objectId, space.campaignId(), channel, metric, Granularity.DAY, day,
                BigDecimal.valueOf(value), null);
    }

    private static MetricFact money(CampaignSpaceView space, String objectId, String channel, Metric metric,
            java.time.Instant day, BigDecimal value, String currency) {
        return new MetricFact(SOURCE, OBJECT_TYPE, objectId, space.campaignId(), channel, metric, Granularity.DAY, day,
                value, currency);
    }
}
