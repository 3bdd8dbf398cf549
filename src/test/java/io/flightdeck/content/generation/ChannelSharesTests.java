package io.flightdeck.content.generation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole percents from weights always add up to 100, in proportion, with the points left over where they matter most. */
class ChannelSharesTests {

    private static Map<String, Double> weights(Object... pairs) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            weights.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return weights;
    }

    @Test
    void sharesAreProportionalAndAddUpToExactlyAHundred() {
        assertThat(ChannelShares.of(weights("EMAIL", 2.24, "INSTAGRAM", 0.5))).containsExactly(
                Map.entry("EMAIL", 82), Map.entry("INSTAGRAM", 18));
        assertThat(ChannelShares.of(weights("EMAIL", 1, "INSTAGRAM", 1, "LINKEDIN", 1))).containsExactly(
                Map.entry("EMAIL", 34), Map.entry("INSTAGRAM", 33), Map.entry("LINKEDIN", 33));
        assertThat(ChannelShares.of(weights("A", 1, "B", 1, "C", 1, "D", 1, "E", 1, "F", 1, "G", 1)).values())
                .allSatisfy(share -> assertThat(share).isBetween(14, 15))
                .satisfies(shares -> assertThat(shares.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100));
        assertThat(ChannelShares.of(weights("ONLY", 0.3))).containsExactly(Map.entry("ONLY", 100));
    }

    @Test
    void noWeightIsNeverNoShareAndNoChannelsIsNoSplit() {
        Map<String, Integer> shares = ChannelShares.of(weights("EMAIL", 0, "BLOG", 5));
        assertThat(shares.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(shares.get("BLOG")).isEqualTo(100);
        assertThat(ChannelShares.of(Map.of())).isEmpty();
    }
}
