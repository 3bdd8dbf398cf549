package io.flightdeck.content.providers;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.content.TextKind;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One call to an LLM provider, answered or failed; written whatever became of the text it was for. */
@Entity
@Table(name = "generation_usage")
class GenerationUsage extends TenantOwnedEntity {

    private UUID providerId;
    private String providerName;
    private String model;
    private String promptVersion;
    @Enumerated(EnumType.STRING)
    private TextKind textKind;
    private int inputTokens;
    private int outputTokens;
    private long costMicros;
    private long latencyMs;
    private String outcome;
    private UUID requestedBy;
    private Instant createdAt;

    protected GenerationUsage() {
    }

    GenerationUsage(UUID providerId, String providerName, String model, String promptVersion, TextKind textKind,
            int inputTokens, int outputTokens, long costMicros, long latencyMs, String outcome, UUID requestedBy,
            Instant createdAt) {
        this.providerId = providerId;
        this.providerName = providerName;
        this.model = model;
        this.promptVersion = promptVersion;
        this.textKind = textKind;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.costMicros = costMicros;
        this.latencyMs = latencyMs;
        this.outcome = outcome;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
    }

    UUID providerId() {
        return providerId;
    }

    /** {@code ok}, or the failure's reason. */
    String outcome() {
        return outcome;
    }

    GenerationUsageView view() {
        return new GenerationUsageView(getId(), providerName, model, promptVersion, textKind, inputTokens, outputTokens,
                costMicros, latencyMs, outcome, requestedBy, createdAt);
    }
}
