package io.flightdeck.analytics.budget;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.strategy.StrategyAds;
import io.flightdeck.strategy.StrategyDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's budget view, read like the dashboard from the daily rollups only (never the raw facts): the
 * campaign's budget and dates, the current strategy's split per channel, and the spend, revenue and conversions of its
 * days from the start (or from its first numbers, without a start date) to the workspace's today, in one query.
 */
@Service
public class CampaignBudgets {

    private final JdbcClient jdbc;
    private final CampaignDirectory campaigns;
    private final StrategyDirectory strategies;
    private final Clock clock;
    private final WorkspaceDirectory workspaces;

    CampaignBudgets(JdbcClient jdbc, CampaignDirectory campaigns, StrategyDirectory strategies,
            WorkspaceDirectory workspaces, Clock clock) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.campaigns = campaigns;
        this.strategies = strategies;
        this.clock = clock;
    }

    /** The budget view of a campaign of the current workspace; another workspace's is not found. */
    @Transactional(readOnly = true)
    public BudgetView of(UUID campaignId) {
        CampaignSnapshot campaign = campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign"));
        UUID tenant = TenantScope.require();
        ZoneId zone = workspaces.find(tenant).orElseThrow().timeZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        OptionalInt version = strategies.currentVersion(campaignId);
        Map<String, Integer> split = new LinkedHashMap<>();
        if (version.isPresent()) {
            strategies.ads(campaignId, version.getAsInt()).map(StrategyAds::budgetSplit)
                    .ifPresent(s -> s.forEach((channel, percent) -> split.put(channel.name(), percent)));
        }
        LocalDate from = campaign.startDate() != null ? campaign.startDate() : LocalDate.of(1970, 1, 1);
        List<DailyRollup> days = jdbc.sql("select period_start, channel, metric, currency, rollup_value"
                + " from analytics_rollups where tenant_id = ? and campaign_id = ? and granularity = 'DAY'"
                + " and metric in ('SPEND', 'REVENUE', 'CONVERSIONS') and period_start >= ? and period_start <= ?")
                .params(tenant, campaignId, from, today)
                .query((r, i) -> new DailyRollup(r.getObject(1, LocalDate.class), r.getString(2), r.getString(3),
                        blankToNull(r.getString(4)), r.getBigDecimal(5)))
                .list();
        return BudgetCalculation.calculate(new BudgetInputs(campaignId, campaign.name(), zone.getId(),
                asOf(tenant, campaignId), campaign.budget(), campaign.startDate(), campaign.endDate(), today,
                split.isEmpty() ? null : version.getAsInt(), split, days));
    }

    /** Everything before the oldest change of the campaign's facts still waiting for the rollups is in; else all. */
    private Instant asOf(UUID tenant, UUID campaignId) {
        Timestamp waiting = jdbc.sql("select min(changed_at) from analytics_changes where tenant_id = ?"
                + " and campaign_id = ?").params(tenant, campaignId).query(Timestamp.class).optional().orElse(null);
        return waiting != null ? waiting.toInstant() : clock.instant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
