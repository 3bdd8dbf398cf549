package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.flightdeck.analytics.Granularity;
import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.MetricFact;
import io.flightdeck.analytics.MetricFacts;
import org.springframework.stereotype.Component;

/**
 * A campaign space's totals entered by hand, as analytics facts: totals over the space's life, so each entry's facts
 * are what the totals grew by since the entries of earlier days, counted on the entry's UTC day
 * ({@link MetricFacts#upsertGrowth}: a second entry the same day replaces the day's growth, and a lowered total gives
 * the day a negative growth). The space's facts always add up to its latest totals. Spend and revenue count only in the space's budget currency: an amount without its currency cannot
 * be told apart from one in another. An import's numbers replace them ({@link PerformanceDays#recountTotals}).
 */
@Component
class EnteredSpaceNumbers {

    /** Hand-entered numbers' source, as spend entered on the budget page. */
    static final String SOURCE = "entered";
    static final String OBJECT_TYPE = "campaign-space";

    private final MetricFacts facts;

    EnteredSpaceNumbers(MetricFacts facts) {
        this.facts = facts;
    }

    /** In the transaction that entered the space's totals. */
    void record(CampaignSpaceView space, Instant now) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        SpacePerformance totals = space.performance();
        List<MetricFact> soFar = new ArrayList<>();
        soFar.add(total(space, Metric.IMPRESSIONS, null, BigDecimal.valueOf(totals.impressions()), day));
        soFar.add(total(space, Metric.CLICKS, null, BigDecimal.valueOf(totals.clicks()), day));
        soFar.add(total(space, Metric.CONVERSIONS, null, BigDecimal.valueOf(totals.conversions()), day));
        String currency = space.budget() == null ? null : space.budget().currency();
        if (currency != null) {
            soFar.add(total(space, Metric.SPEND, currency, totals.spend(), day));
            soFar.add(total(space, Metric.REVENUE, currency, totals.revenue(), day));
        }
        facts.upsertGrowth(soFar);
    }

    /** Takes the space's hand-entered numbers out of analytics, once an import's stand for the space. */
    void withdraw(java.util.UUID spaceId) {
        facts.replace(SOURCE, OBJECT_TYPE, spaceId.toString(), List.of());
    }

    private static MetricFact total(CampaignSpaceView space, Metric metric, String currency, BigDecimal total,
            Instant day) {
        return new MetricFact(SOURCE, OBJECT_TYPE, space.id().toString(), space.campaignId(),
                space.platform().channel(), metric, Granularity.DAY, day, total, currency);
    }
}
