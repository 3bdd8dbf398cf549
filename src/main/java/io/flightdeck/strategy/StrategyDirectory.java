package io.flightdeck.strategy;

import java.util.OptionalInt;
import java.util.UUID;

/** Read access to strategies of the current workspace for other modules. */
public interface StrategyDirectory {

    /** The number of the campaign's current strategy version; empty when it has none (never saved, or invalidated). */
    OptionalInt currentVersion(UUID campaignId);
}
