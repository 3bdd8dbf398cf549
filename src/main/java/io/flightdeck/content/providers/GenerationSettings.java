package io.flightdeck.content.providers;

import java.time.Instant;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A workspace's generation settings: the tokens its LLM providers may use in a calendar month (none: no limit). */
@Entity
@Table(name = "generation_settings")
class GenerationSettings extends TenantOwnedEntity {

    private Long monthlyTokenBudget;
    private Instant updatedAt;
    @Version
    private Long version;

    protected GenerationSettings() {
    }

    GenerationSettings(Instant now) {
        this.updatedAt = now;
    }

    void budget(Long tokens, Instant now) {
        monthlyTokenBudget = tokens;
        updatedAt = now;
    }

    Long getMonthlyTokenBudget() {
        return monthlyTokenBudget;
    }

    Long getVersion() {
        return version;
    }
}
