package io.flightdeck.analytics.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.Money;

/**
 * What a budget view is worked out from: the campaign (its budget and dates may be missing), the workspace's today,
 * the strategy's split (channel name to per cent, in the strategy's order; empty when it has none) and the daily
 * rollups of spend, revenue and conversions.
 */
record BudgetInputs(UUID campaignId, String campaignName, String timeZone, Instant asOf, Money budget, LocalDate start,
        LocalDate end, LocalDate today, Integer splitVersion, Map<String, Integer> split, List<DailyRollup> days) {
}
