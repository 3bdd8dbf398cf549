package io.flightdeck.analytics.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.flightdeck.analytics.budget.BudgetView;
import io.flightdeck.analytics.budget.CampaignBudgets;
import io.flightdeck.analytics.budget.ChannelBudget;
import io.flightdeck.analytics.budget.OtherCurrency;
import io.flightdeck.analytics.budget.RoiForecast;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's budget against its spend (issue 29), and seed 002's two views of it: budget efficiency per channel
 * and the ROI forecast. Anyone in the workspace reads them; all three come from the same figures.
 */
@RestController
@Tag(name = "Analytics")
class BudgetApiController {

    private final CampaignBudgets budgets;

    BudgetApiController(CampaignBudgets budgets) {
        this.budgets = budgets;
    }

    /** Each channel's planned share, spend, utilisation, return on ad spend and cost per acquisition. */
    record BudgetEfficiency(UUID campaignId, @Schema(example = "EUR") String currency,
            @Schema(example = "3000.00") BigDecimal budget, @Schema(example = "980.00") BigDecimal spentToDate,
            List<ChannelBudget> channels, List<OtherCurrency> notCounted, Instant asOf) {
    }

    /** Revenue, spend and ROI so far and projected to the end date. */
    record CampaignRoiForecast(UUID campaignId, LocalDate today, LocalDate endDate,
            @Schema(example = "20") int daysLeft, RoiForecast roi, List<OtherCurrency> notCounted, Instant asOf) {
    }

    @Operation(summary = "The campaign's budget against its spend: planned to date (the budget spread evenly over its "
            + "days), spent to date, pacing, the spend forecast to the end date with its method, the ROI forecast, and "
            + "per channel the strategy's split against spend and efficiency; other currencies apart")
    @GetMapping("/api/v1/analytics/campaigns/{id}/budget")
    BudgetView budget(@PathVariable UUID id) {
        return budgets.of(id);
    }

    @Operation(summary = "Budget efficiency per channel (seed 002): planned share and amount, spend, share of spend, "
            + "utilisation of the plan to date, revenue, conversions, return on ad spend and cost per acquisition")
    @GetMapping("/api/v1/campaigns/{id}/budget-efficiency")
    BudgetEfficiency efficiency(@PathVariable UUID id) {
        BudgetView view = budgets.of(id);
        return new BudgetEfficiency(id, view.budget() == null ? null : view.budget().currency(),
                view.budget() == null ? null : view.budget().amount(), view.spentToDate(), view.channels(),
                view.notCounted(), view.asOf());
    }

    @Operation(summary = "ROI forecast (seed 002): revenue and spend so far and projected to the end date (so far plus "
            + "the recent daily average for each day left), ROI in per cent, and how it was worked out")
    @GetMapping("/api/v1/campaigns/{id}/roi-forecast")
    CampaignRoiForecast roiForecast(@PathVariable UUID id) {
        BudgetView view = budgets.of(id);
        return new CampaignRoiForecast(id, view.today(), view.endDate(), view.forecast().daysLeft(),
                view.roiForecast(), view.notCounted(), view.asOf());
    }
}
