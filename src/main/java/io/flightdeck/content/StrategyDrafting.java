package io.flightdeck.content;

import java.util.UUID;

/**
 * Strategy drafts for other modules: the generation port (the built-in generator or the workspace's AI provider)
 * writes a full strategy for a campaign of the current workspace from its brief, its brand and what worked before.
 * The answer is checked before it is returned: a provider's answer that is not a strategy, or whose channel mix or
 * budget split does not add up over the campaign's channels, fails with a generation problem and nothing is saved.
 */
public interface StrategyDrafting {

    /**
     * @param provider the provider's name, {@code built-in}, or null for the workspace's default
     * @throws io.flightdeck.shared.NotFoundException for a campaign not in the current workspace
     */
    StrategyDraft draft(UUID campaignId, String provider, PastResults past);
}
