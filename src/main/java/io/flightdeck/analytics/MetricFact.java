package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;

/**
 * One number a source measured: for its object (an email send, a post, an asset) and one period, with the campaign
 * and channel it belongs to where known. Its key is (source, object type, object id, metric, granularity, period
 * start) within a workspace: written again under the same key, it replaces the number.
 *
 * @param periodStart the hour's first instant (UTC), or for a day, the date's midnight in UTC
 * @param currency ISO 4217, only and always for a money metric
 */
public record MetricFact(String source, String objectType, String objectId, UUID campaignId, String channel,
        Metric metric, Granularity granularity, Instant periodStart, BigDecimal value, String currency) {

    public MetricFact {
        require("source", source, 40);
        require("objectType", objectType, 40);
        require("objectId", objectId, 100);
        if (channel != null && (channel.isBlank() || channel.length() > 40)) {
            throw new InvalidInputException("channel", "A channel has 1 to 40 characters");
        }
        if (metric == null || granularity == null || periodStart == null || value == null) {
            throw new InvalidInputException("metric", "A fact needs a metric, a granularity, a period and a value");
        }
        ChronoUnit unit = granularity == Granularity.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        if (!periodStart.truncatedTo(unit).equals(periodStart)) {
            throw new InvalidInputException("periodStart", "A period starts on the " + unit.toString().toLowerCase()
                    .replaceAll("s$", "") + " (UTC): " + periodStart + " does not");
        }
        if (metric.money() != (currency != null)) {
            throw new InvalidInputException("currency", metric.money() ? metric + " is money: give its currency"
                    : metric + " is a count: it has no currency");
        }
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new InvalidInputException("currency", "A currency is three capital letters (ISO 4217)");
        }
        if (value.abs().compareTo(MAX) >= 0 || value.scale() > 4) {
            throw new InvalidInputException("value", "A value has at most 15 digits before the point and 4 after");
        }
    }

    private static final BigDecimal MAX = new BigDecimal("1e16");

    /** A count of an hour, as the email module and publishing measure. */
    public static MetricFact hourly(String source, String objectType, String objectId, UUID campaignId, String channel,
            Metric metric, Instant hour, long count) {
        return new MetricFact(source, objectType, objectId, campaignId, channel, metric, Granularity.HOUR, hour,
                BigDecimal.valueOf(count), null);
    }

    private static void require(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new InvalidInputException(field, "Give " + field + " in 1 to " + max + " characters");
        }
    }
}
