package io.flightdeck.assets.web;

import java.util.UUID;

import jakarta.validation.constraints.Size;

/** Reuse on the asset's page: a campaign, or a space (its campaign follows), and in what context. */
record AssetReuseForm(UUID campaignId, UUID spaceId, @Size(max = 1000) String context) {

    static AssetReuseForm empty() {
        return new AssetReuseForm(null, null, "");
    }

    String tidyContext() {
        return context == null || context.isBlank() ? null : context.strip();
    }
}
