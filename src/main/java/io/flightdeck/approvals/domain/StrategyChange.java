package io.flightdeck.approvals.domain;

/** A change of a campaign's strategy that approvals react to: a new version, or the withdrawal of one. */
sealed interface StrategyChange {

    int version();

    /** What the history says about the change. */
    String describe();

    /** @param first whether this is the campaign's first strategy version (there was nothing to review against) */
    record Revised(int version, boolean first) implements StrategyChange {

        @Override
        public String describe() {
            return "Strategy revised to version " + version;
        }
    }

    record Invalidated(int version) implements StrategyChange {

        @Override
        public String describe() {
            return "Strategy version " + version + " was invalidated";
        }
    }
}
