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

import io.flightdeck.analytics.dashboards.SummarySort;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries;
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
    @Autowired
    WorkspaceSummaries summaries;

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
        assertRunningTotals(owner, expected);
        assertSummaries(owner, expected);
    }

    /**
     * The running totals: per campaign, metric and currency, for each day from the key's first to the campaign's last
     * day with numbers, the sum of its daily rollups up to that day and how many rows that was.
     */
    private void assertRunningTotals(Member owner, Map<String, BigDecimal> rollups) {
        Map<String, TreeMap<LocalDate, BigDecimal>> daily = new TreeMap<>();
        Map<String, TreeMap<LocalDate, Integer>> rows = new TreeMap<>();
        Map<String, LocalDate> lastDay = new TreeMap<>();
        rollups.forEach((k, v) -> {
            String[] p = k.split(" ", -1);
            if (p[0].equals("DAY")) {
                LocalDate day = LocalDate.parse(p[1]);
                String key = p[2] + " " + p[4] + " " + p[5];
                daily.computeIfAbsent(key, x -> new TreeMap<>()).merge(day, v, BigDecimal::add);
                rows.computeIfAbsent(key, x -> new TreeMap<>()).merge(day, 1, Integer::sum);
                lastDay.merge(p[2], day, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        Map<String, BigDecimal> expected = new TreeMap<>();
        daily.forEach((key, days) -> {
            BigDecimal total = BigDecimal.ZERO;
            int count = 0;
            for (LocalDate d = days.firstKey(); !d.isAfter(lastDay.get(key.split(" ")[0])); d = d.plusDays(1)) {
                total = total.add(days.getOrDefault(d, BigDecimal.ZERO));
                count += rows.get(key).getOrDefault(d, 0);
                expected.put(d + " " + key + " " + count, total);
            }
        });
        Map<String, BigDecimal> actual = new TreeMap<>();
        jdbc.sql("select total_day, campaign_id, metric, currency, running_rows, running_value"
                + " from analytics_running_totals where tenant_id = ?").param(owner.workspaceId())
                .query((r, i) -> actual.put(r.getObject(1, LocalDate.class) + " " + r.getObject(2, UUID.class) + " "
                        + r.getString(3) + " " + r.getString(4) + " " + r.getLong(5), r.getBigDecimal(6))).list();
        assertThat(strip(actual)).isEqualTo(strip(expected));
        Map<String, LocalDate> through = new TreeMap<>();
        jdbc.sql("select campaign_id, totals_through from analytics_folds where tenant_id = ?")
                .param(owner.workspaceId()).query((r, i) -> through.put(r.getObject(1, UUID.class).toString(),
                        r.getObject(2, LocalDate.class))).list();
        through.values().removeIf(java.util.Objects::isNull);
        assertThat(through).isEqualTo(lastDay);
    }

    /**
     * The all-campaigns summary over random ranges, short and long: the workspace's clicks now and before are the sums
     * of the daily rollups, and the campaigns counted are those with any number in either part.
     */
    private void assertSummaries(Member owner, Map<String, BigDecimal> rollups) {
        Random random = new Random(rollups.size());
        for (int i = 0; i < 8; i++) {
            LocalDate from = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(40));
            LocalDate to = from.plusDays(random.nextInt(i < 4 ? 10 : 40));
            LocalDate previousFrom = from.minusDays(to.toEpochDay() - from.toEpochDay() + 1);
            Map<String, BigDecimal> now = new TreeMap<>();
            Map<String, BigDecimal> before = new TreeMap<>();
            java.util.Set<String> withNumbers = new java.util.TreeSet<>();
            rollups.forEach((k, v) -> {
                String[] p = k.split(" ", -1);
                LocalDate day = LocalDate.parse(p[1]);
                if (p[0].equals("DAY") && !day.isBefore(previousFrom) && !day.isAfter(to)) {
                    withNumbers.add(p[2]);
                    if (p[4].equals("CLICKS")) {
                        (day.isBefore(from) ? before : now).merge(p[2], v, BigDecimal::add);
                    }
                }
            });
            String expected = withNumbers.size() + " campaigns, " + plain(sum(now)) + " / " + plain(sum(before));
            WorkspaceSummaries.WorkspaceSummary summary = workspaces.as(owner,
                    () -> summaries.of(from, to, SummarySort.DEFAULT, null, 0, 100));
            // the test's campaigns are ids only, so the summary counts them as gone rather than listing them
            assertThat(summary.campaigns().items()).isEmpty();
            assertThat(summary.campaignsInTrash() + " campaigns, " + plain(summary.totals().clicks().value()) + " / "
                    + plain(summary.totals().clicks().previous())).as("%s to %s", from, to).isEqualTo(expected);
        }
    }

    private static BigDecimal sum(Map<String, BigDecimal> sums) {
        return sums.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
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
