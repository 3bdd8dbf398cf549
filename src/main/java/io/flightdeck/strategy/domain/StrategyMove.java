package io.flightdeck.strategy.domain;

import io.flightdeck.shared.StateMove;

/**
 * What can happen to a version: only the current one is invalidated by a member or superseded by the next save;
 * superseded and invalidated versions are history. Superseding is the save's doing, never asked for on its own.
 */
enum StrategyMove implements StateMove<StrategyStatus> {
    INVALIDATE, SUPERSEDE;

    @Override
    public boolean allowedFrom(StrategyStatus status) {
        return status == StrategyStatus.CURRENT;
    }

    @Override
    public boolean offered() {
        return this == INVALIDATE;
    }

    void requireFrom(StrategyStatus status) {
        requireFrom(status, "strategy version");
    }
}
