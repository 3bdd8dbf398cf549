package io.flightdeck.content.strategydrafts;

import java.util.List;

import io.flightdeck.campaigns.Channel;

/**
 * A drafted strategy, for a person to edit and adopt; nothing is saved until they do.
 *
 * @param basedOnVersion the campaign's current strategy version when drafted (0 for none), for the save's check
 * @param provider       who wrote it: {@code built-in} or the provider's name
 */
public record StrategyDraft(List<Channel> platforms, List<String> goals, String targetAudience,
        List<String> contentPillars, String brandTone, String cadence, int basedOnVersion, String provider) {
}
