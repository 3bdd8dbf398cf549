package io.flightdeck.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A property of the rollups, on random facts: after the job catches up, every daily and weekly rollup of a workspace
 * is the sum of its facts as the test itself keeps them (its own model, not the database's), by the workspace's day
 * and its week from Monday, per campaign, channel, metric and currency; through revised numbers, late facts and an
 * object's facts replaced (so some are removed). Three seeds, three zones: a half-hour offset, one without daylight
 * saving, and Lisbon across the night its clocks go forward. Another workspace writing facts for the same campaign id
 * changes nothing here, and a fact with no campaign has no rollup.
 */
@FlightdeckTest
class RollupsTests {

    private static final Instant START = Instant.parse("2026-03-20T00:00:00Z");
    private static final List<String> CHANNELS = java.util.Arrays.asList("EMAIL", "LINKEDIN", null);

    @Autowired
    MetricFacts facts;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    JdbcClient jdbc;

    private record Key(String object, Metric metric, Instant periodStart) {
    }

    @Test
    void rollupsAreTheSumsOfTheirFactsThroughRevisionsLateFactsAndRemovals() {
        property(11, "Asia/Kolkata");
        property(23, "America/Sao_Paulo");
        property(37, "Europe/Lisbon");
    }

    private void property(long seed, String zone) {
        Random random = new Random(seed);
        Member owner = workspaces.workspace("Rollups " + seed);
        assertThat(api.as(owner).put("/api/v1/workspace", Map.of("name", "Rollups " + seed, "timeZone", zone,
                "locale", "en-GB"))).hasStatusOk();
        List<UUID> campaigns = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        // each object belongs to a campaign and channel and reports at one granularity, as a source does
        List<MetricFact> objects = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            objects.add(new MetricFact("test", "object", "o" + i, campaigns.get(i % 3), CHANNELS.get(i % 3),
                    Metric.CLICKS, i % 4 == 3 ? Granularity.DAY : Granularity.HOUR, START, BigDecimal.ONE, null));
        }
        Map<Key, MetricFact> model = new HashMap<>();

        write(owner, model, random(random, objects, 400, 0));
        assertRolledUp(owner, model, ZoneId.of(zone));

        // revised numbers for facts already there, late facts a week before the rest, and one object replaced whole
        List<MetricFact> revised = new ArrayList<>();
        List<MetricFact> known = new ArrayList<>(model.values());
        for (int i = 0; i < 60; i++) {
            MetricFact f = known.get(random.nextInt(known.size()));
            revised.add(with(f, BigDecimal.valueOf(random.nextInt(10_000), 2)));
        }
        revised.addAll(random(random, objects, 80, -7));
        write(owner, model, revised);
        String replaced = "o" + random.nextInt(objects.size());
        List<MetricFact> kept = model.values().stream().filter(f -> f.objectId().equals(replaced))
                .filter(f -> random.nextBoolean()).toList();
        workspaces.as(owner, () -> {
            facts.replace("test", "object", replaced, kept);
            return null;
        });
        model.keySet().removeIf(k -> k.object().equals(replaced));
        kept.forEach(f -> model.put(key(f), f));

        // another workspace, the same campaign ids; and a fact of no campaign
        Member stranger = workspaces.workspace("Rollups stranger " + seed);
        workspaces.as(stranger, () -> {
            facts.upsert(random(random, objects, 50, 0));
            return null;
        });
        workspaces.as(owner, () -> {
            facts.upsert(List.of(new MetricFact("test", "loose", "x", null, null, Metric.CLICKS, Granularity.HOUR,
                    START, BigDecimal.TEN, null)));
            return null;
        });
        assertRolledUp(owner, model, ZoneId.of(zone));
    }

    /** {@code count} facts of random objects, metrics and periods over three weeks from START, moved by {@code days}. */
    private static List<MetricFact> random(Random random, List<MetricFact> objects, int count, int days) {
        List<MetricFact> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MetricFact o = objects.get(random.nextInt(objects.size()));
            Metric metric = List.of(Metric.CLICKS, Metric.IMPRESSIONS, Metric.SPEND).get(random.nextInt(3));
            Instant at = START.plus(days, ChronoUnit.DAYS).plus(random.nextInt(21 * 24), ChronoUnit.HOURS);
            Instant period = o.granularity() == Granularity.DAY ? at.truncatedTo(ChronoUnit.DAYS) : at;
            BigDecimal value = metric == Metric.SPEND ? BigDecimal.valueOf(random.nextInt(100_000), 2)
                    : BigDecimal.valueOf(random.nextInt(1000));
            // the same object spends in euros and dollars: they must never be added together
            String currency = metric == Metric.SPEND ? (random.nextBoolean() ? "EUR" : "USD") : null;
            made.add(new MetricFact("test", "object", o.objectId(), o.campaignId(), o.channel(), metric,
                    o.granularity(), period, value, currency));
        }
        return made;
    }

    private void write(Member owner, Map<Key, MetricFact> model, List<MetricFact> written) {
        // a batch holding the same key twice keeps the last; so does the model
        workspaces.as(owner, () -> {
            facts.upsert(written);
            return null;
        });
        written.forEach(f -> model.put(key(f), f));
    }

    /** Waits for the job, then compares every rollup row with the sums of the model's facts. */
    private void assertRolledUp(Member owner, Map<Key, MetricFact> model, ZoneId zone) {
        RolledUp.await(jdbc, owner);
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (MetricFact f : model.values()) {
            LocalDate day = LocalDate.ofInstant(f.periodStart(), f.granularity() == Granularity.HOUR ? zone
                    : ZoneOffset.UTC);
            LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1);
            String rest = " " + f.campaignId() + " " + (f.channel() == null ? "" : f.channel()) + " " + f.metric()
                    + " " + (f.currency() == null ? "" : f.currency());
            expected.merge("DAY " + day + rest, f.value(), BigDecimal::add);
            expected.merge("WEEK " + monday + rest, f.value(), BigDecimal::add);
        }
        Map<String, BigDecimal> actual = new TreeMap<>();
        jdbc.sql("select granularity, period_start, campaign_id, channel, metric, currency, rollup_value"
                + " from analytics_rollups where tenant_id = ?").param(owner.workspaceId())
                .query((r, i) -> actual.put(r.getString(1) + " " + r.getObject(2, LocalDate.class) + " "
                        + r.getObject(3, UUID.class) + " " + r.getString(4) + " " + r.getString(5) + " "
                        + r.getString(6), r.getBigDecimal(7))).list();
        assertThat(strip(actual)).isEqualTo(strip(expected));
    }

    private static Map<String, String> strip(Map<String, BigDecimal> sums) {
        Map<String, String> plain = new TreeMap<>();
        sums.forEach((k, v) -> plain.put(k, v.stripTrailingZeros().toPlainString()));
        return plain;
    }

    private static Key key(MetricFact f) {
        return new Key(f.objectId(), f.metric(), f.periodStart());
    }

    private static MetricFact with(MetricFact f, BigDecimal value) {
        return new MetricFact(f.source(), f.objectType(), f.objectId(), f.campaignId(), f.channel(), f.metric(),
                f.granularity(), f.periodStart(), f.metric() == Metric.SPEND ? value : value.setScale(0,
                java.math.RoundingMode.DOWN), f.currency());
    }
}
