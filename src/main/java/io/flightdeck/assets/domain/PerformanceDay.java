package io.flightdeck.assets.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One use's performance on one day, as an import row reports it (spend and revenue in the space's currency). */
public record PerformanceDay(UUID useId, LocalDate day, long impressions, long clicks, long conversions,
        BigDecimal spend, BigDecimal revenue) {

    PerformanceDay plus(PerformanceDay other) {
        return new PerformanceDay(useId, day, impressions + other.impressions, clicks + other.clicks,
                conversions + other.conversions, spend.add(other.spend), revenue.add(other.revenue));
    }
}
