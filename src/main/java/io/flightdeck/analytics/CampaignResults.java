package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.flightdeck.analytics.budget.BudgetView;
import io.flightdeck.analytics.budget.CampaignBudgets;
import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's results as other modules read them (guidance's recommendations): its figures per channel beside the
 * workspace's other campaigns on the same channels, its spend against the plan exactly as the budget page computes
 * it, and its objects' clicks and impressions per day. Read from the weekly rollups and the facts, current workspace
 * only. Simulated numbers ({@link SimulatedNumbers}) are left out, the campaign's and the others', except in the demo
 * workspace: a recommendation drawn from made-up numbers would be made up too.
 */
@Service
public class CampaignResults {

    private final JdbcClient jdbc;
    private final CampaignBudgets budgets;
    private final CampaignDashboards dashboards;
    private final WorkspaceChannelTotals workspace;
    private final SimulatedNumbers simulated;

    CampaignResults(JdbcClient jdbc, CampaignBudgets budgets, CampaignDashboards dashboards,
            WorkspaceChannelTotals workspace, SimulatedNumbers simulated) {
        this.jdbc = jdbc;
        this.simulated = simulated;
        this.budgets = budgets;
        this.dashboards = dashboards;
        this.workspace = workspace;
    }

    /** The workspace's time zone, whose days and hours the numbers count in. */
    public ZoneId workspaceZone() {
        return dashboards.workspaceZone();
    }

    /**
     * One channel: the campaign's counts and spend (in {@code currency} only) and the workspace's impressions and clicks
     * on the channel across its other campaigns.
     */
    public record ChannelResult(String channel, long impressions, long clicks, long conversions, BigDecimal spend,
            long othersImpressions, long othersClicks) {
    }

    /** Spend against the plan to date in the budget's currency; the three amounts are null when there is no plan. */
    public record SpendAgainstPlan(String currency, BigDecimal budget, BigDecimal plannedToDate,
            BigDecimal spentToDate) {
    }

    /** One object's (a post's) impressions and clicks on one UTC day. */
    public record ObjectDay(String objectId, LocalDate day, long impressions, long clicks) {
    }

    /**
     * Per channel: the campaign's weekly rollups, and the other campaigns' from the workspace's totals
     * ({@link WorkspaceChannelTotals}, kept a few minutes). Channels where the campaign has no numbers are left out.
     * Weeks hold every day, so their sums are the days' sums.
     */
    @Transactional(readOnly = true)
    public List<ChannelResult> byChannel(UUID campaignId, String currency) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> spend = new HashMap<>();
        Set<String> madeUp = simulated.leftOutOfGuidance(List.of(campaignId)).getOrDefault(campaignId, Set.of());
        jdbc.sql("select channel, metric, currency, sum(rollup_value) from analytics_rollups where tenant_id = ?"
                + " and campaign_id = ? and granularity = 'WEEK' and channel <> ''"
                + " and metric in ('IMPRESSIONS', 'CLICKS', 'CONVERSIONS', 'SPEND') group by channel, metric, currency")
                .params(TenantScope.require(), campaignId)
                .query((RowCallbackHandler) r -> {
                    String channel = r.getString(1);
                    String metric = r.getString(2);
                    BigDecimal value = r.getBigDecimal(4);
                    if (madeUp.contains(channel) && !"SPEND".equals(metric)) {
                        return;
                    }
                    if ("SPEND".equals(metric)) {
                        if (r.getString(3).equals(currency)) {
                            spend.merge(channel, value, BigDecimal::add);
                        }
                        return;
                    }
                    long[] c = counts.computeIfAbsent(channel, k -> new long[6]);
                    c[switch (metric) {
                        case "IMPRESSIONS" -> 0;
                        case "CLICKS" -> 1;
                        default -> 2;
                    }] += value.longValue();
                });
        // the others' figures from the workspace's totals, this campaign's own rows left out
        workspace.of(TenantScope.require()).forEach((channel, campaigns) -> {
            long[] c = counts.get(channel);
            if (c != null) {
                campaigns.forEach((campaign, figures) -> {
                    if (!campaign.equals(campaignId)) {
                        c[3] += figures[0];
                        c[4] += figures[1];
                    }
                });
            }
        });
        List<ChannelResult> results = new ArrayList<>();
        counts.forEach((channel, c) -> {
            if (c[0] + c[1] + c[2] > 0 || spend.containsKey(channel)) {
                results.add(new ChannelResult(channel, c[0], c[1], c[2], spend.getOrDefault(channel, BigDecimal.ZERO),
                        c[3], c[4]));
            }
        });
        spend.forEach((channel, amount) -> {
            if (!counts.containsKey(channel)) {
                results.add(new ChannelResult(channel, 0, 0, 0, amount, 0, 0));
            }
        });
        return results;
    }

    /** As the budget page has it: the budget spread evenly over the campaign's days, against the spend to date. */
    @Transactional(readOnly = true)
    public SpendAgainstPlan spendAgainstPlan(UUID campaignId) {
        BudgetView view = budgets.of(campaignId);
        if (view.budget() == null) {
            return new SpendAgainstPlan(null, null, null, null);
        }
        boolean compared = view.plannedToDate() != null && view.pacing().percent() != null;
        return new SpendAgainstPlan(view.budget().currency(), view.budget().amount(),
                compared ? view.plannedToDate() : null, compared ? view.spentToDate() : null);
    }

    /** Every object's impressions and clicks of the campaign per UTC day, for objects of {@code objectType}. */
    @Transactional(readOnly = true)
    public List<ObjectDay> perObjectDay(UUID campaignId, String objectType) {
        Map<String, Map<LocalDate, long[]>> sums = new HashMap<>();
        String measured = simulated.steerGuidance() ? "" : " and source not in (:simulated)";
        jdbc.sql("select object_id, period_start, metric, fact_value from analytics_facts where tenant_id = :tenant"
                + " and campaign_id = :campaign and object_type = :type and metric in ('IMPRESSIONS', 'CLICKS')"
                + measured)
                .param("tenant", TenantScope.require()).param("campaign", campaignId).param("type", objectType)
                .params(measured.isEmpty() ? Map.of() : Map.of("simulated", SimulatedNumbers.SOURCES))
                .query((RowCallbackHandler) r -> {
                    LocalDate day = LocalDate.ofInstant(r.getTimestamp(2).toInstant(), ZoneOffset.UTC);
                    long[] s = sums.computeIfAbsent(r.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(day, d -> new long[2]);
                    s["CLICKS".equals(r.getString(3)) ? 1 : 0] += r.getBigDecimal(4).longValue();
                });
        List<ObjectDay> days = new ArrayList<>();
        sums.forEach((id, byDay) -> byDay.forEach((day, s) -> days.add(new ObjectDay(id, day, s[0], s[1]))));
        return days;
    }
}
