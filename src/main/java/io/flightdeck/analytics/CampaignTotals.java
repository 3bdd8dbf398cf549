package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Campaigns' totals per metric and currency, all channels together, from the first day through a given day (in the
 * workspace's time zone), as the running totals ({@link RunningTotals}) keep them: two reads for any number of
 * campaigns, whatever their length. A day past a campaign's last day with numbers answers the totals of that last day;
 * a day before its first answers nothing. What the rollups have not folded in yet (seconds behind the facts) is not
 * counted. A campaign whose numbers are simulated in part ({@link SimulatedNumbers}) is left out, as guidance would
 * otherwise learn from made-up numbers, except in the demo workspace.
 */
@Component
public class CampaignTotals {

    /** One total: a count has no currency, an amount of money has its ISO 4217 code. */
    public record Total(Metric metric, String currency, BigDecimal value) {
    }

    private final JdbcClient jdbc;
    private final SimulatedNumbers simulated;

    CampaignTotals(JdbcClient jdbc, SimulatedNumbers simulated) {
        this.jdbc = jdbc;
        this.simulated = simulated;
    }

    /** Each campaign's totals through its day; a campaign without numbers by then is left out. */
    public Map<UUID, List<Total>> through(Map<UUID, LocalDate> dayByCampaign) {
        Map<UUID, List<Total>> totals = new HashMap<>();
        if (dayByCampaign.isEmpty()) {
            return totals;
        }
        UUID tenant = TenantScope.require();
        Set<UUID> leftOut = simulated.leftOutOfGuidance(dayByCampaign.keySet()).keySet();
        Map<UUID, LocalDate> day = new HashMap<>();
        jdbc.sql("select campaign_id, totals_through from analytics_folds where tenant_id = :tenant"
                + " and campaign_id in (:ids) and totals_through is not null")
                .param("tenant", tenant).param("ids", dayByCampaign.keySet())
                .query((RowCallbackHandler) r -> {
                    UUID campaign = r.getObject(1, UUID.class);
                    if (leftOut.contains(campaign)) {
                        return;
                    }
                    LocalDate last = r.getObject(2, LocalDate.class);
                    LocalDate wanted = dayByCampaign.get(campaign);
                    day.put(campaign, wanted.isAfter(last) ? last : wanted);
                });
        if (day.isEmpty()) {
            return totals;
        }
        // days named exactly (see RunningTotals): the rows of other days are filtered out here
        Set<LocalDate> days = new HashSet<>(day.values());
        jdbc.sql("select campaign_id, total_day, metric, currency, running_value from analytics_running_totals"
                + " where tenant_id = :tenant and campaign_id in (:ids) and total_day in (:days)")
                .param("tenant", tenant).param("ids", day.keySet()).param("days", days)
                .query((RowCallbackHandler) r -> {
                    UUID campaign = r.getObject(1, UUID.class);
                    if (r.getObject(2, LocalDate.class).equals(day.get(campaign))) {
                        String currency = r.getString(4);
                        totals.computeIfAbsent(campaign, c -> new ArrayList<>()).add(new Total(
                                Metric.valueOf(r.getString(3)), currency == null || currency.isBlank() ? null
                                        : currency, r.getBigDecimal(5)));
                    }
                });
        return totals;
    }
}
