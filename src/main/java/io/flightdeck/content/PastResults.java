package io.flightdeck.content;

import java.util.List;
import java.util.Map;

import io.flightdeck.campaigns.Channel;

/**
 * What worked in a workspace's past campaigns, as facts for a strategy draft.
 *
 * @param findings        sentences the writer reads (an AI provider gets them in its prompt)
 * @param channelStrength each channel's results against the workspace's average (1 is average, 2 twice as good);
 *                        the built-in generator leans the channel mix and budget split by it
 * @param strongPillars   content pillars of the past campaigns that did best, best first
 */
public record PastResults(List<String> findings, Map<Channel, Double> channelStrength, List<String> strongPillars) {

    public PastResults {
        findings = findings == null ? List.of() : List.copyOf(findings);
        channelStrength = channelStrength == null ? Map.of() : Map.copyOf(channelStrength);
        strongPillars = strongPillars == null ? List.of() : List.copyOf(strongPillars);
    }

    public static PastResults none() {
        return new PastResults(List.of(), Map.of(), List.of());
    }
}
