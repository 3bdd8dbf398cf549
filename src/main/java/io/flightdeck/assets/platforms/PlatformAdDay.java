package io.flightdeck.assets.platforms;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One ad's numbers for one day as a platform reported them; amounts in the ad account's currency. */
public record PlatformAdDay(String adId, String adName, LocalDate day, long impressions, long clicks,
        long conversions, BigDecimal spend, BigDecimal revenue) {
}
