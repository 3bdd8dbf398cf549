package io.flightdeck.analytics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.flightdeck.analytics.dashboards.CampaignDashboards.ChannelKpis;
import io.flightdeck.analytics.dashboards.ChannelAnalysis;
import io.flightdeck.analytics.dashboards.Kpis;
import io.flightdeck.analytics.dashboards.Movements;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the dashboard page shows beside its figures, from the same dashboard: the channels ranked by clicks, ROI by
 * channel, the funnel from impressions to conversions, and "why did it move?" for the figure a person picks.
 */
@Component
class DashboardAnalysis {

    /** A figure one can ask why it moved: the select's value (CLICKS, or SPEND:EUR for money) and its label. */
    record WhyOption(String value, String label) {
    }

    /** One step of the funnel: its count, its bar's width in per cent of the first step, and the rate from the step before. */
    record FunnelStep(String label, BigDecimal value, int width, BigDecimal rateFromBefore) {
    }

    /** A channel's row in the dashboard's table: its place by clicks, its share of them, and all its figures. */
    record RankedChannel(int rank, BigDecimal clickShare, ChannelKpis channel) {
    }

    private final Movements movements;

    DashboardAnalysis(Movements movements) {
        this.movements = movements;
    }

    void describe(CampaignDashboard d, String why, Model model) {
        Map<String, ChannelKpis> byName = new HashMap<>();
        d.channels().forEach(c -> byName.put(c.channel(), c));
        model.addAttribute("rankedChannels", ChannelAnalysis.compare(d, Metric.CLICKS).channels().stream()
                .map(r -> new RankedChannel(r.rank(), r.sharePercent(), byName.get(r.channel()))).toList());
        model.addAttribute("roi", ChannelAnalysis.roi(d));
        model.addAttribute("funnel", funnel(d.totals()));
        List<WhyOption> options = new ArrayList<>();
        for (Metric m : ChannelAnalysis.RANKABLE) {
            options.add(new WhyOption(m.name(), label(m.name())));
        }
        d.totals().money().forEach(m -> {
            options.add(new WhyOption("SPEND:" + m.currency(), "Spend (" + m.currency() + ")"));
            options.add(new WhyOption("REVENUE:" + m.currency(), "Revenue (" + m.currency() + ")"));
        });
        model.addAttribute("whyOptions", options);
        String asked = why == null || why.isBlank() || why.length() > 20 ? "CLICKS" : why.strip();
        try {
            String[] parts = asked.split(":", 2);
            model.addAttribute("movement", movements.of(d.campaignId(), Metric.valueOf(parts[0]),
                    parts.length > 1 ? parts[1] : null, d.from(), d.to()));
            model.addAttribute("why", asked);
        } catch (IllegalArgumentException | InvalidInputException e) {
            model.addAttribute("whyError", "That figure cannot be explained: pick one from the list.");
            model.addAttribute("movement", movements.of(d.campaignId(), Metric.CLICKS, null, d.from(), d.to()));
            model.addAttribute("why", "CLICKS");
        }
    }

    private static List<FunnelStep> funnel(Kpis k) {
        BigDecimal top = k.impressions().value();
        List<FunnelStep> steps = new ArrayList<>();
        steps.add(new FunnelStep("Impressions", top, 100, null));
        steps.add(new FunnelStep("Clicks", k.clicks().value(), width(k.clicks().value(), top), k.clickRate().value()));
        steps.add(new FunnelStep("Conversions", k.conversions().value(), width(k.conversions().value(), top),
                k.conversionRate().value()));
        return steps;
    }

    /** A bar's width: its share of the first step, at least 2 so a small step still shows, 100 with nothing above it. */
    private static int width(BigDecimal value, BigDecimal top) {
        if (top.signum() == 0) {
            return value.signum() == 0 ? 2 : 100;
        }
        int width = value.multiply(BigDecimal.valueOf(100)).divide(top, 0, RoundingMode.HALF_UP).intValue();
        return Math.max(2, Math.min(100, width));
    }

    private static String label(String metric) {
        String lower = metric.toLowerCase(java.util.Locale.ENGLISH);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
