package io.flightdeck.content.providers;

import java.time.Clock;
import java.util.UUID;

import io.flightdeck.content.TextKind;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes a call's usage in its own transaction: the tokens were spent even if what asked for them rolls back. */
@Component
class UsageLedger {

    private final GenerationUsageRepository usage;
    private final ModelPricing pricing;
    private final Clock clock;

    UsageLedger(GenerationUsageRepository usage, ModelPricing pricing, Clock clock) {
        this.usage = usage;
        this.pricing = pricing;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void record(UUID providerId, String provider, String model, String promptVersion, TextKind kind, int inputTokens,
            int outputTokens, long latencyMs, String outcome) {
        UUID actor = CurrentActor.find().map(a -> a.userId()).orElse(null);
        usage.save(new GenerationUsage(providerId, provider, model, promptVersion, kind, inputTokens, outputTokens,
                pricing.costMicros(model, inputTokens, outputTokens), latencyMs, outcome, actor, clock.instant()));
    }
}
