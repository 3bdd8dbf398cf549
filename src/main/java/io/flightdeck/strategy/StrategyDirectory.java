package io.flightdeck.strategy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Read access to strategies of the current workspace for other modules. */
public interface StrategyDirectory {

    /** The number of the campaign's current strategy version; empty when it has none (never saved, or invalidated). */
    OptionalInt currentVersion(UUID campaignId);

    /**
     * A version for review: its content and what changed since {@code since} (the version last approved), or against
     * nothing when {@code since} is null, 0 or the version itself. Empty when the campaign has no such version.
     */
    Optional<StrategyReview> review(UUID campaignId, int version, Integer since);

    /** The fields of a version, current or not (invalidated included); empty when the campaign has no such version. */
    Optional<StrategyBrief> brief(UUID campaignId, int version);

    /**
     * The current versions of the given campaigns that have one, by campaign, in one query: for reading many
     * campaigns' strategies at once (what worked in a workspace's past campaigns).
     */
    Map<UUID, StrategyBrief> currentBriefs(Collection<UUID> campaignIds);

    /** The ads section of a version; empty when the campaign has no such version. */
    Optional<StrategyAds> ads(UUID campaignId, int version);
}
