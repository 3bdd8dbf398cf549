package io.flightdeck.guidance.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.analytics.ChannelResult;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.guidance.strategy.StrategyEvidence.ChannelEvidence;
import io.flightdeck.guidance.strategy.StrategyEvidence.PillarEvidence;
import io.flightdeck.strategy.StrategyBrief;

/**
 * What worked, worked out from past campaigns' numbers (pure). A channel's strength is the mean of the ratios, to the
 * workspace's figure over every channel, of its click rate, its conversions per campaign and its return on spend,
 * each counted only where both sides exist (1 when none does). A campaign is scored the same way over all its
 * channels, and a pillar by the mean score of the past campaigns whose current strategy had it.
 */
final class WhatWorkedFigures {

    static final int FINDINGS_PER_LIST = 5;

    private WhatWorkedFigures() {
    }

    /** Sums of one channel, one campaign, or the whole workspace. */
    private static final class Sums {
        long clicks;
        long base;
        long conversions;
        int results;
        double returns;
        int spent;
        final Set<UUID> campaigns = new java.util.HashSet<>();

        void add(UUID campaign, ChannelResult r) {
            clicks += r.clicks();
            base += r.impressions() > 0 ? r.impressions() : r.delivered();
            conversions += r.conversions();
            results++;
            campaigns.add(campaign);
            if (r.returnOnSpend() != null) {
                returns += r.returnOnSpend();
                spent++;
            }
        }

        Double clickRate() {
            return base > 0 ? (double) clicks / base : null;
        }

        double conversionsPerResult() {
            return results == 0 ? 0 : (double) conversions / results;
        }

        Double meanReturn() {
            return spent == 0 ? null : returns / spent;
        }

        /** Against the workspace's sums: the mean of the ratios both sides have. */
        double against(Sums all) {
            List<Double> ratios = new ArrayList<>();
            ratio(clickRate(), all.clickRate(), ratios);
            ratio(conversionsPerResult(), all.conversionsPerResult(), ratios);
            ratio(meanReturn(), all.meanReturn(), ratios);
            return ratios.isEmpty() ? 1.0 : ratios.stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
        }

        private static void ratio(Double value, Double average, List<Double> ratios) {
            if (value != null && average != null && average > 0) {
                ratios.add(value / average);
            }
        }
    }

    static StrategyEvidence of(String basis, Set<Channel> thisCampaign, Map<UUID, List<ChannelResult>> results,
            Map<UUID, StrategyBrief> briefs) {
        if (results.isEmpty()) {
            return StrategyEvidence.none();
        }
        Sums all = new Sums();
        Map<Channel, Sums> byChannel = new EnumMap<>(Channel.class);
        Map<UUID, Sums> byCampaign = new LinkedHashMap<>();
        results.forEach((campaign, list) -> list.forEach(r -> {
            all.add(campaign, r);
            byChannel.computeIfAbsent(r.channel(), c -> new Sums()).add(campaign, r);
            byCampaign.computeIfAbsent(campaign, c -> new Sums()).add(campaign, r);
        }));
        List<ChannelEvidence> channels = new ArrayList<>();
        byChannel.forEach((channel, s) -> channels.add(new ChannelEvidence(channel, s.campaigns.size(),
                s.clickRate() == null ? null : round(s.clickRate() * 100), round(s.conversionsPerResult()),
                s.meanReturn() == null ? null : round(s.meanReturn()), round(s.against(all)),
                thisCampaign.contains(channel))));
        channels.sort(Comparator.comparingDouble(ChannelEvidence::strength).reversed()
                .thenComparing(ChannelEvidence::channel));
        List<PillarEvidence> pillars = pillars(byCampaign, all, briefs);
        return new StrategyEvidence(basis, results.size(), List.copyOf(channels), pillars,
                findings(basis, results.size(), channels, pillars, thisCampaign));
    }

    private static List<PillarEvidence> pillars(Map<UUID, Sums> byCampaign, Sums all, Map<UUID, StrategyBrief> briefs) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        byCampaign.forEach((campaign, s) -> {
            StrategyBrief brief = briefs.get(campaign);
            if (brief == null) {
                return;
            }
            double score = s.against(all);
            brief.contentPillars().stream().map(String::strip).distinct().forEach(pillar -> {
                String key = pillar.toLowerCase(Locale.ROOT);
                spelling.putIfAbsent(key, pillar);
                scores.computeIfAbsent(key, k -> new ArrayList<>()).add(score);
            });
        });
        return scores.entrySet().stream()
                .map(e -> new PillarEvidence(spelling.get(e.getKey()), e.getValue().size(),
                        round(e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(1.0))))
                .sorted(Comparator.comparingDouble(PillarEvidence::score).reversed()
                        .thenComparing(Comparator.comparingInt(PillarEvidence::campaigns).reversed())
                        .thenComparing(PillarEvidence::pillar))
                .limit(FINDINGS_PER_LIST).toList();
    }

    private static List<String> findings(String basis, int campaigns, List<ChannelEvidence> channels,
            List<PillarEvidence> pillars, Set<Channel> thisCampaign) {
        List<String> findings = new ArrayList<>();
        findings.add("Read " + campaigns + " past " + (campaigns == 1 ? "campaign" : "campaigns") + " of the workspace"
                + ("finished".equals(basis) ? ", the finished ones" : ", every other one with numbers"));
        channels.stream().limit(FINDINGS_PER_LIST).forEach(c -> findings.add(c.channel().label() + " in "
                + c.campaigns() + " past " + (c.campaigns() == 1 ? "campaign" : "campaigns") + ": "
                + (c.clickRate() == null ? "no click rate" : "click rate " + format(c.clickRate()) + " %") + ", "
                + format(c.conversionsPerCampaign()) + " conversions a campaign"
                + (c.returnOnSpend() == null ? "" : ", return " + format(c.returnOnSpend()) + "x") + "; "
                + format(c.strength()) + " times the workspace's average"));
        pillars.stream().filter(p -> p.score() > 1).limit(3).forEach(p -> findings.add("Campaigns whose strategy had "
                + "the pillar \"" + p.pillar() + "\" did " + format(p.score()) + " times the workspace's average ("
                + p.campaigns() + (p.campaigns() == 1 ? " campaign)" : " campaigns)")));
        List<String> unknown = thisCampaign.stream().sorted()
                .filter(c -> channels.stream().noneMatch(e -> e.channel() == c)).map(Channel::label).toList();
        if (!unknown.isEmpty()) {
            findings.add("No past numbers for " + String.join(", ", unknown) + "; counted as average");
        }
        return List.copyOf(findings);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
