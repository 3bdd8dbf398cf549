package io.flightdeck.content.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole percents from weights, adding up to exactly 100: each share rounded down, then the points left over go to the
 * largest remainders (ties to the heavier weight, then the earlier key), so the rounding never leaves 99 or 101.
 */
final class ChannelShares {

    private ChannelShares() {
    }

    /** Shares in the keys' order; an empty map for no keys. Weights at or below zero count as tiny, never as none. */
    static Map<String, Integer> of(Map<String, Double> weights) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        if (weights.isEmpty()) {
            return shares;
        }
        double total = weights.values().stream().mapToDouble(ChannelShares::positive).sum();
        List<String> keys = new ArrayList<>(weights.keySet());
        Map<String, Double> remainders = new LinkedHashMap<>();
        int given = 0;
        for (String key : keys) {
            double exact = positive(weights.get(key)) / total * 100;
            int floor = (int) Math.floor(exact);
            shares.put(key, floor);
            remainders.put(key, exact - floor);
            given += floor;
        }
        keys.sort(Comparator.<String>comparingDouble(remainders::get).reversed()
                .thenComparing(Comparator.<String>comparingDouble(k -> positive(weights.get(k))).reversed()));
        for (int i = 0; given < 100; i = (i + 1) % keys.size(), given++) {
            shares.merge(keys.get(i), 1, Integer::sum);
        }
        return shares;
    }

    private static double positive(Double weight) {
        return weight == null || weight <= 0 ? 0.01 : weight;
    }
}
