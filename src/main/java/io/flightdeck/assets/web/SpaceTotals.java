package io.flightdeck.assets.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import io.flightdeck.assets.domain.CampaignSpaceView;

/**
 * A campaign's spaces added up: assets, size and performance. Spend is summed only when every space with spend counts
 * it in the same currency ({@code currency} null and {@code spend} null otherwise: no total across currencies).
 */
record SpaceTotals(int spaces, long assets, long bytes, long impressions, long clicks, long conversions, BigDecimal spend,
        String currency) {

    static SpaceTotals of(List<CampaignSpaceView> spaces) {
        long assets = 0;
        long bytes = 0;
        long impressions = 0;
        long clicks = 0;
        long conversions = 0;
        BigDecimal spend = BigDecimal.ZERO;
        List<String> currencies = spaces.stream()
                .filter(s -> s.performance() != null && s.performance().spend() != null && s.performance().spend().signum() > 0)
                .map(s -> s.budget() == null ? null : s.budget().currency()).distinct().toList();
        for (CampaignSpaceView s : spaces) {
            assets += s.assetCount();
            bytes += s.totalAssetSizeBytes();
            if (s.performance() != null) {
                impressions += s.performance().impressions();
                clicks += s.performance().clicks();
                conversions += s.performance().conversions();
                if (s.performance().spend() != null) {
                    spend = spend.add(s.performance().spend());
                }
            }
        }
        boolean oneCurrency = currencies.size() <= 1 && currencies.stream().allMatch(Objects::nonNull);
        String currency = currencies.isEmpty() ? null : currencies.get(0);
        return new SpaceTotals(spaces.size(), assets, bytes, impressions, clicks, conversions, oneCurrency ? spend : null,
                oneCurrency ? currency : null);
    }
}
