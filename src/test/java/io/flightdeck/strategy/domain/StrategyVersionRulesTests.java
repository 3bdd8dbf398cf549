package io.flightdeck.strategy.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.IllegalTransition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A version guards its own standing: only the current one is invalidated or superseded; history stays as it is. */
class StrategyVersionRulesTests {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final UUID ACTOR = UUID.randomUUID();

    private static StrategyVersion current() {
        return new StrategyVersion(UUID.randomUUID(), 1, new StrategyDetails(null, List.of("Awareness"), "Parents",
                null, "Warm", null, null, null), ACTOR, T0);
    }

    @Test
    void theCurrentVersionIsInvalidatedOnceAndThenRefuses() {
        StrategyVersion version = current();
        version.invalidate("The launch moved", ACTOR, T0);
        assertThat(version.getStatus()).isEqualTo(StrategyStatus.INVALIDATED);

        IllegalTransition again = catchThrowableOfType(IllegalTransition.class,
                () -> version.invalidate("Again", ACTOR, T0));
        assertThat(again.type()).isEqualTo("illegal-transition");
        assertThat(again.properties()).containsEntry("currentState", "INVALIDATED")
                .containsEntry("attemptedMove", "invalidate").containsEntry("allowedMoves", List.of());
        assertThat(again.getMessage()).startsWith("Cannot invalidate a strategy version that is invalidated.");
        assertThat(catchThrowableOfType(IllegalTransition.class, () -> version.supersede(2, ACTOR, T0))).isNotNull();
    }

    @Test
    void aSupersededVersionCannotBeInvalidated() {
        StrategyVersion version = current();
        version.supersede(2, ACTOR, T0);
        IllegalTransition refused = catchThrowableOfType(IllegalTransition.class,
                () -> version.invalidate("Too late", ACTOR, T0));
        assertThat(refused.properties()).containsEntry("currentState", "SUPERSEDED");
        assertThat(version.getStatus()).isEqualTo(StrategyStatus.SUPERSEDED);
    }
}
