package io.flightdeck.guidance.strategy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.analytics.ChannelResult;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.strategy.StrategyBrief;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What worked, on numbers worked out by hand. */
class WhatWorkedFiguresTests {

    private static ChannelResult result(Channel channel, long impressions, long clicks, long conversions, String spend,
            String revenue) {
        return new ChannelResult(channel, impressions, 0, clicks, conversions, "EUR", new BigDecimal(spend),
                new BigDecimal(revenue));
    }

    private static StrategyBrief brief(String... pillars) {
        return new StrategyBrief(1, List.of(), List.of("Sell"), null, List.of(pillars), null, null, null, Map.of(),
                Map.of());
    }

    @Test
    void strengthsArePastResultsAgainstTheWorkspacesAverage() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Map<UUID, List<ChannelResult>> results = new LinkedHashMap<>();
        // email: 10 % click rate, 10 conversions, return 4; LinkedIn: 2 %, 2 conversions, return 1
        results.put(a, List.of(result(Channel.EMAIL, 1000, 100, 10, "100", "400"),
                result(Channel.LINKEDIN, 1000, 20, 2, "100", "100")));
        results.put(b, List.of(result(Channel.LINKEDIN, 1000, 20, 2, "0", "0")));

        StrategyEvidence evidence = WhatWorkedFigures.of("all", Set.of(Channel.EMAIL, Channel.BLOG), results,
                Map.of(a, brief("Customer stories", "Tips"), b, brief("customer stories ", "Memes")));

        // workspace: 140 clicks of 3,000 (4.67 %), 14 conversions over 3 results (4.67), mean return 2.5
        // email: 10/4.67 = 2.14, 10/4.67 = 2.14, 4/2.5 = 1.6 -> 1.96; LinkedIn: 0.43, 0.43, 0.4 -> 0.42
        assertThat(evidence.campaigns()).isEqualTo(2);
        assertThat(evidence.channels()).extracting(StrategyEvidence.ChannelEvidence::channel)
                .containsExactly(Channel.EMAIL, Channel.LINKEDIN);
        assertThat(evidence.channels().get(0).strength()).isEqualTo(1.96);
        assertThat(evidence.channels().get(0).clickRate()).isEqualTo(10.0);
        assertThat(evidence.channels().get(0).usedByThisCampaign()).isTrue();
        assertThat(evidence.channels().get(1).strength()).isEqualTo(0.42);
        assertThat(evidence.channels().get(1).campaigns()).isEqualTo(2);
        assertThat(evidence.channels().get(1).returnOnSpend()).isEqualTo(1.0);
        // campaign a is above average, b below; "Customer stories" is both, spelt twice, counted as one
        assertThat(evidence.pillars()).extracting(StrategyEvidence.PillarEvidence::pillar)
                .containsExactly("Tips", "Customer stories", "Memes");
        assertThat(evidence.pillars().get(1).campaigns()).isEqualTo(2);
        assertThat(evidence.findings()).contains("No past numbers for Blog; counted as average")
                .anyMatch(f -> f.startsWith("Campaigns whose strategy had the pillar \"Tips\" did"))
                .noneMatch(f -> f.contains("\"Memes\""));
    }

    @Test
    void noNumbersIsNoEvidenceAndAChannelWithoutSpendHasNoReturn() {
        assertThat(WhatWorkedFigures.of("all", Set.of(Channel.EMAIL), Map.of(), Map.of()).basis()).isEqualTo("none");
        UUID a = UUID.randomUUID();
        StrategyEvidence evidence = WhatWorkedFigures.of("finished", Set.of(), Map.of(a, List.of(
                new ChannelResult(Channel.EMAIL, 0, 500, 25, 0, null, BigDecimal.ZERO, BigDecimal.ZERO))), Map.of());
        assertThat(evidence.channels().get(0).clickRate()).isEqualTo(5.0);
        assertThat(evidence.channels().get(0).returnOnSpend()).isNull();
        assertThat(evidence.channels().get(0).strength()).isEqualTo(1.0);
        assertThat(evidence.findings().get(0)).isEqualTo("Read 1 past campaign of the workspace, the finished ones");
    }
}
