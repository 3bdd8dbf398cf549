package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.flightdeck.campaigns.Channel;

/**
 * What one channel of a campaign earned over its whole life. Money is in one currency: the one most was spent in.
 *
 * @param delivered emails delivered: the base of an email channel's click rate, which has no impressions
 */
public record ChannelResult(Channel channel, long impressions, long delivered, long clicks, long conversions,
        String currency, BigDecimal spend, BigDecimal revenue) {

    /** Clicks per impression (per delivered email when there are no impressions); null without either. */
    public Double clickRate() {
        long base = impressions > 0 ? impressions : delivered;
        return base > 0 ? (double) clicks / base : null;
    }

    /** Revenue per unit of spend in the channel's currency; null without spend. */
    public Double returnOnSpend() {
        return spend.signum() > 0 ? revenue.divide(spend, 4, RoundingMode.HALF_UP).doubleValue() : null;
    }
}
