package io.flightdeck.strategy.domain;

/**
 * A version's standing: the one current version, one a later save replaced, or one a member withdrew with a reason.
 * Only the current version can be invalidated; superseded and invalidated versions are read-only history.
 */
enum StrategyStatus {
    CURRENT, SUPERSEDED, INVALIDATED;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
