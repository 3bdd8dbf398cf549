package io.flightdeck.analytics.dashboards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.flightdeck.analytics.dashboards.CampaignDashboards.ChannelKpis;
import io.flightdeck.analytics.dashboards.Kpis.Figure;
import io.flightdeck.analytics.dashboards.Kpis.MoneyKpis;
import io.flightdeck.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Seed 002's channel views of a campaign's dashboard: its channels ranked by a figure with their share, and return on
 * investment per channel in each currency. Worked out from the dashboard itself, so they always agree with it.
 */
public final class ChannelAnalysis {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The figures channels can be ranked by: counts that add up across channels, so a share means something. */
    public static final List<Metric> RANKABLE = List.of(Metric.IMPRESSIONS, Metric.REACH, Metric.CLICKS,
            Metric.CONVERSIONS, Metric.ENGAGEMENT);

    private ChannelAnalysis() {
    }

    /** One channel's place: its figure now, before, the change, its share of all channels', and its rates. */
    public record ChannelRank(int rank, String channel, BigDecimal value, BigDecimal previous,
            @Nullable BigDecimal changePercent, @Nullable BigDecimal sharePercent, @Nullable BigDecimal clickRate,
            BigDecimal conversionRate) {
    }

    public record ChannelComparison(UUID campaignId, Metric metric, LocalDate from, LocalDate to, Instant asOf,
            List<ChannelRank> channels) {
    }

    /** A channel's money in one currency: what it cost, earned, and returned; ranked by ROI, best first. */
    public record ChannelRoi(int rank, String channel, BigDecimal spend, BigDecimal revenue, BigDecimal profit,
            BigDecimal roiPercent, BigDecimal returnOnAdSpend, @Nullable BigDecimal costPerAcquisition) {
    }

    public record CurrencyRoi(String currency, BigDecimal spend, BigDecimal revenue, BigDecimal profit,
            BigDecimal roiPercent, BigDecimal returnOnAdSpend, List<ChannelRoi> channels) {
    }

    public record RoiAnalysis(UUID campaignId, LocalDate from, LocalDate to, Instant asOf, List<CurrencyRoi> currencies) {
    }

    public static ChannelComparison compare(CampaignDashboard d, Metric metric) {
        if (!RANKABLE.contains(metric)) {
            throw new InvalidInputException("metric", "Channels are ranked by one of " + RANKABLE + ", not " + metric);
        }
        BigDecimal total = figure(d.totals(), metric).value();
        List<ChannelKpis> sorted = new ArrayList<>(d.channels());
        sorted.sort(Comparator.comparing((ChannelKpis c) -> figure(c.kpis(), metric).value()).reversed()
                .thenComparing(ChannelKpis::channel));
        List<ChannelRank> ranks = new ArrayList<>();
        for (ChannelKpis c : sorted) {
            Figure f = figure(c.kpis(), metric);
            ranks.add(new ChannelRank(ranks.size() + 1, c.channel(), f.value(), f.previous(), f.changePercent(),
                    total.signum() == 0 ? null : f.value().multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_UP),
                    c.kpis().clickRate().value(), c.kpis().conversionRate().value()));
        }
        return new ChannelComparison(d.campaignId(), metric, d.from(), d.to(), d.asOf(), ranks);
    }

    public static RoiAnalysis roi(CampaignDashboard d) {
        List<CurrencyRoi> currencies = new ArrayList<>();
        for (MoneyKpis total : d.totals().money()) {
            String currency = total.currency();
            Map<String, MoneyKpis> byChannel = new TreeMap<>();
            for (ChannelKpis c : d.channels()) {
                c.kpis().money().stream().filter(m -> m.currency().equals(currency)).findFirst()
                        .ifPresent(m -> byChannel.put(c.channel(), m));
            }
            List<Map.Entry<String, MoneyKpis>> ranked = new ArrayList<>(byChannel.entrySet());
            // best return first; a channel with nothing spent has no ROI and comes last
            ranked.sort(Comparator.comparing((Map.Entry<String, MoneyKpis> e) -> e.getValue().roiPercent().value(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Map.Entry::getKey));
            List<ChannelRoi> channels = new ArrayList<>();
            for (Map.Entry<String, MoneyKpis> e : ranked) {
                MoneyKpis m = e.getValue();
                channels.add(new ChannelRoi(channels.size() + 1, e.getKey(), m.spend().value(), m.revenue().value(),
                        m.revenue().value().subtract(m.spend().value()), m.roiPercent().value(),
                        m.returnOnAdSpend().value(), m.costPerAcquisition().value()));
            }
            currencies.add(new CurrencyRoi(currency, total.spend().value(), total.revenue().value(),
                    total.revenue().value().subtract(total.spend().value()), total.roiPercent().value(),
                    total.returnOnAdSpend().value(), channels));
        }
        return new RoiAnalysis(d.campaignId(), d.from(), d.to(), d.asOf(), currencies);
    }

    static Figure figure(Kpis k, Metric metric) {
        return switch (metric) {
            case IMPRESSIONS -> k.impressions();
            case REACH -> k.reach();
            case CLICKS -> k.clicks();
            case CONVERSIONS -> k.conversions();
            case ENGAGEMENT -> k.engagement();
            default -> throw new InvalidInputException("metric", metric + " is not ranked across channels");
        };
    }
}
