package io.flightdeck.approvals.domain;

/** A change of a campaign's strategy that approvals react to: a new version, or the withdrawal of one. */
sealed interface StrategyChange {

    int version();

    /** What the history says about the change. */
    String describe();

    /**
     * What an approval stores once the change reached it. A withdrawal of version v comes after v's revision and
     * before v+1's, so it is stored as -v: a version the approval already follows must not hide its later withdrawal.
     */
    default int marker() {
        return this instanceof Invalidated ? -version() : version();
    }

    /** Whether an approval that stored this marker (null: none yet) has already seen the change. */
    default boolean reached(Integer marker) {
        if (marker == null) {
            return false;
        }
        int seen = Math.abs(marker);
        return this instanceof Invalidated ? seen > version() || marker == -version() : seen >= version();
    }

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
