package io.flightdeck.analytics.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.analytics.Metric;
import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.flightdeck.analytics.dashboards.CampaignDashboards.ChannelKpis;
import io.flightdeck.analytics.dashboards.CampaignDashboards.TrendDay;
import io.flightdeck.analytics.dashboards.ChannelAnalysis;
import io.flightdeck.analytics.dashboards.ChannelAnalysis.ChannelComparison;
import io.flightdeck.analytics.dashboards.ChannelAnalysis.RoiAnalysis;
import io.flightdeck.analytics.dashboards.ChannelDrillDown;
import io.flightdeck.analytics.dashboards.ChannelDrillDown.ChannelObjects;
import io.flightdeck.analytics.dashboards.Movements;
import io.flightdeck.analytics.dashboards.Movements.Movement;
import io.flightdeck.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 002's analytics views of a campaign beside its dashboard (channel metrics, ROI analysis, trends, channel
 * comparison), each worked out from the same dashboard so they agree with it, and "why did it move?". Anyone in the
 * workspace reads them.
 */
@RestController
@RequestMapping("/api/v1/analytics/campaigns/{id}")
@Tag(name = "Analytics")
class CampaignAnalyticsApiController {

    private final CampaignDashboards dashboards;
    private final Movements movements;
    private final ChannelDrillDown drillDown;

    CampaignAnalyticsApiController(CampaignDashboards dashboards, Movements movements, ChannelDrillDown drillDown) {
        this.dashboards = dashboards;
        this.movements = movements;
        this.drillDown = drillDown;
    }

    @Operation(summary = "Drill down from a channel to the posts, email sends and other objects behind its numbers: "
            + "each object's sums for the range by metric, most clicks first (at most 200, the rest counted)")
    @GetMapping("/channels/{channel}/objects")
    ChannelObjects channelObjects(@PathVariable UUID id, @PathVariable String channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return drillDown.of(id, channel, from, to);
    }

    record ChannelMetrics(UUID campaignId, LocalDate from, LocalDate to, Instant asOf, List<ChannelKpis> channels) {
    }

    record CampaignTrends(UUID campaignId, String timeZone, LocalDate from, LocalDate to, Instant asOf,
            List<TrendDay> days) {
    }

    @Operation(summary = "Each channel's key figures for a range beside the days before (as on the dashboard)")
    @GetMapping("/channel-metrics")
    ChannelMetrics channelMetrics(@PathVariable UUID id, @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CampaignDashboard d = dashboards.of(id, from, to);
        return new ChannelMetrics(id, d.from(), d.to(), d.asOf(), d.channels());
    }

    @Operation(summary = "Return on investment per currency and per channel (spend, revenue, profit, ROI, return on ad "
            + "spend, cost per acquisition), channels ranked by ROI; currencies never added together")
    @GetMapping("/roi-analysis")
    RoiAnalysis roiAnalysis(@PathVariable UUID id, @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ChannelAnalysis.roi(dashboards.of(id, from, to));
    }

    @Operation(summary = "Each day's sums by metric (money as \"SPEND EUR\") for the last `days` days, 30 by default")
    @GetMapping("/trends")
    CampaignTrends trends(@PathVariable UUID id,
            @Parameter(description = "how many days back from today, 1 to 366", example = "30")
            @RequestParam(required = false) Integer days) {
        int length = days == null ? CampaignDashboards.DEFAULT_DAYS : days;
        if (length < 1 || length > CampaignDashboards.MAX_DAYS) {
            throw new InvalidInputException("days", "Give 1 to " + CampaignDashboards.MAX_DAYS + " days");
        }
        CampaignDashboard today = dashboards.of(id, null, null);
        CampaignDashboard d = length == CampaignDashboards.DEFAULT_DAYS ? today
                : dashboards.of(id, today.to().minusDays(length - 1L), today.to());
        return new CampaignTrends(id, d.timeZone(), d.from(), d.to(), d.asOf(), d.trend());
    }

    @Operation(summary = "The channels ranked by a figure (CLICKS by default) with their share of it, its change, and "
            + "their click and conversion rates")
    @GetMapping("/channel-comparison")
    ChannelComparison channelComparison(@PathVariable UUID id,
            @Parameter(description = "IMPRESSIONS, REACH, CLICKS, CONVERSIONS or ENGAGEMENT", example = "CLICKS")
            @RequestParam(required = false) Metric metric,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ChannelAnalysis.compare(dashboards.of(id, from, to), metric == null ? Metric.CLICKS : metric);
    }

    @Operation(summary = "Why did it move? A figure's change between the range and the days before, split by channel "
            + "and by the posts, email sends and other objects behind it, largest share first, and said in words")
    @GetMapping("/movement")
    Movement movement(@PathVariable UUID id,
            @Parameter(description = "the figure: a count, or SPEND or REVENUE with a currency", example = "CLICKS")
            @RequestParam(required = false) Metric metric,
            @Parameter(description = "ISO 4217, for SPEND and REVENUE only", example = "EUR")
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return movements.of(id, metric == null ? Metric.CLICKS : metric, currency, from, to);
    }
}
