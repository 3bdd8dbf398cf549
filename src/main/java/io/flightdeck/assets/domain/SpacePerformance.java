package io.flightdeck.assets.domain;

import java.math.BigDecimal;

/** A space's performance totals: what a platform or an import reports, replaced as a whole on each sync. */
public record SpacePerformance(long impressions, long clicks, long conversions, BigDecimal spend) {
}
