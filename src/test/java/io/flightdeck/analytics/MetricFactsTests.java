package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Metric facts are kept once per key: the same numbers written again change nothing, a revised number replaces the
 * old one, and replacing an object's facts removes the periods it no longer has. Money carries its currency and a
 * count never does; a period starts on its hour or day. Another workspace sees none of them.
 */
@FlightdeckTest
class MetricFactsTests {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    MetricFacts facts;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aFactWrittenAgainOrRevisedIsKeptOnce() {
        Member owner = workspaces.workspace("Facts once");
        UUID campaign = UUID.randomUUID();
        String post = UUID.randomUUID().toString();
        workspaces.as(owner, () -> {
            facts.upsert(List.of(clicks(post, campaign, NINE, 5), clicks(post, campaign, TEN, 7)));
            facts.upsert(List.of(clicks(post, campaign, NINE, 5), clicks(post, campaign, TEN, 7)));
            facts.upsert(List.of(clicks(post, campaign, TEN, 9)));
            facts.upsert(List.of(new MetricFact("publishing", "post", post, campaign, "LINKEDIN", Metric.SPEND,
                    Granularity.DAY, Instant.parse("2026-03-02T00:00:00Z"), new BigDecimal("12.5"), "EUR")));
            return null;
        });
        List<MetricFact> kept = workspaces.as(owner, () -> facts.of("publishing", "post", post));
        assertThat(kept).extracting(f -> f.metric() + " " + f.periodStart() + " " + f.value() + " " + f.currency())
                .containsExactly("CLICKS 2026-03-02T09:00:00Z 5 null", "CLICKS 2026-03-02T10:00:00Z 9 null",
                        "SPEND 2026-03-02T00:00:00Z 12.5 EUR");

        workspaces.as(owner, () -> {
            facts.replace("publishing", "post", post, List.of(clicks(post, campaign, TEN, 11)));
            return null;
        });
        assertThat(workspaces.as(owner, () -> facts.of("publishing", "post", post)))
                .extracting(f -> f.metric() + " " + f.periodStart() + " " + f.value())
                .containsExactly("CLICKS 2026-03-02T10:00:00Z 11");

        Member stranger = workspaces.workspace("Facts stranger");
        assertThat(workspaces.as(stranger, () -> facts.of("publishing", "post", post))).isEmpty();
    }

    @Test
    void moneyHasItsCurrencyACountHasNoneAndAPeriodStartsOnItsHourOrDay() {
        assertThatThrownBy(() -> new MetricFact("api", "ad", "a1", null, null, Metric.SPEND, Granularity.DAY,
                Instant.parse("2026-03-02T00:00:00Z"), BigDecimal.TEN, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("currency");
        assertThatThrownBy(() -> new MetricFact("api", "ad", "a1", null, null, Metric.CLICKS, Granularity.HOUR,
                NINE, BigDecimal.TEN, "EUR")).isInstanceOf(InvalidInputException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> new MetricFact("api", "ad", "a1", null, null, Metric.CLICKS, Granularity.HOUR,
                NINE.plusSeconds(60), BigDecimal.TEN, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("starts on the hour");
        assertThatThrownBy(() -> new MetricFact("api", "ad", "a1", null, null, Metric.CLICKS, Granularity.DAY,
                NINE, BigDecimal.TEN, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("starts on the day");
        assertThatThrownBy(() -> new MetricFact("api", "ad", "a".repeat(101), null, null, Metric.CLICKS,
                Granularity.HOUR, NINE, BigDecimal.TEN, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MetricFact("api", "ad", "a1", null, null, Metric.REVENUE, Granularity.DAY,
                Instant.parse("2026-03-02T00:00:00Z"), BigDecimal.ONE, "eur")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MetricFact("api", "ad", "a1", null, null, Metric.CLICKS, Granularity.HOUR, NINE,
                new BigDecimal("1e17"), null)).isInstanceOf(InvalidInputException.class);
    }

    private static MetricFact clicks(String post, UUID campaign, Instant hour, long n) {
        return MetricFact.hourly("publishing", "post", post, campaign, "LINKEDIN", Metric.CLICKS, hour, n);
    }
}
