package io.flightdeck.content.providers;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An LLM endpoint a workspace writes with. Its key is stored encrypted and never shown again. */
@Entity
@Table(name = "generation_providers")
class GenerationProvider extends TenantOwnedEntity {

    private String name;
    @Enumerated(EnumType.STRING)
    private ProviderKind kind;
    private String baseUrl;
    private String model;
    private String apiKeyEncrypted;
    private String azureApiVersion;
    @Column(name = "is_default")
    private boolean defaultProvider;
    private UUID createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected GenerationProvider() {
    }

    GenerationProvider(UUID createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** @param encryptedKey null keeps the key it has; an empty string removes it */
    void update(String name, ProviderKind kind, URI baseUrl, String model, String encryptedKey, String azureApiVersion,
            Instant now) {
        this.name = name;
        this.kind = kind;
        this.baseUrl = baseUrl.toString();
        this.model = model;
        if (encryptedKey != null) {
            this.apiKeyEncrypted = encryptedKey.isEmpty() ? null : encryptedKey;
        }
        this.azureApiVersion = azureApiVersion;
        this.updatedAt = now;
    }

    void makeDefault(boolean value, Instant now) {
        defaultProvider = value;
        updatedAt = now;
    }

    String getName() {
        return name;
    }

    ProviderKind getKind() {
        return kind;
    }

    URI baseUrl() {
        return URI.create(baseUrl);
    }

    String getModel() {
        return model;
    }

    String getApiKeyEncrypted() {
        return apiKeyEncrypted;
    }

    String getAzureApiVersion() {
        return azureApiVersion;
    }

    boolean isDefaultProvider() {
        return defaultProvider;
    }

    Long getVersion() {
        return version;
    }

    GenerationProviderView view() {
        return new GenerationProviderView(getId(), name, kind, baseUrl, model, apiKeyEncrypted != null, azureApiVersion,
                defaultProvider, createdAt, updatedAt, version == null ? 0 : version);
    }
}
