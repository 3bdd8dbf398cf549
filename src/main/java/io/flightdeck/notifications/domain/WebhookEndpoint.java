package io.flightdeck.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A workspace's outgoing webhook: where to post, which event types, and the secrets that sign each message the
 * Standard Webhooks way. After a rotation the previous secret signs beside the new one for a day, so a consumer can
 * switch without losing a message. An endpoint that has failed without a single success for five days is disabled,
 * and says why; enabling it again starts the count afresh.
 */
@Entity
@Table(name = "webhook_endpoints")
class WebhookEndpoint extends VersionedEntity {

    /** How long an endpoint may fail, with no success in between, before it is disabled. */
    static final Duration FAILING_LIMIT = Duration.ofDays(5);
    /** How long the previous secret still signs after a rotation. */
    static final Duration ROTATION_OVERLAP = Duration.ofDays(1);
    /** The event types an endpoint takes when it names every type. */
    static final String EVERY_TYPE = "*";

    @Column(nullable = false)
    private String url;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WebhookFormat format;
    private String description;
    @Column(name = "event_types", nullable = false)
    private String eventTypes;
    /** Encrypted: see {@link io.flightdeck.shared.crypto.SecretCipher}. */
    @Column(nullable = false)
    private String secret;
    @Column(name = "previous_secret")
    private String previousSecret;
    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "disabled_at")
    private Instant disabledAt;
    @Column(name = "disabled_reason")
    private String disabledReason;
    @Column(name = "failing_since")
    private Instant failingSince;
    @Column(name = "owner_id", nullable = false, updatable = false)
    private UUID ownerId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String url, String description, Set<String> eventTypes, WebhookFormat format,
            String encryptedSecret, UUID ownerId, Instant now) {
        change(url, description, eventTypes, format, now);
        this.secret = encryptedSecret;
        this.enabled = true;
        this.ownerId = ownerId;
        this.createdAt = now;
    }

    void change(String newUrl, String newDescription, Set<String> types, WebhookFormat newFormat, Instant now) {
        this.url = newUrl;
        this.format = newFormat;
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        this.eventTypes = types.contains(EVERY_TYPE) ? EVERY_TYPE : String.join(" ", types);
        this.updatedAt = now;
    }

    /** A new secret; the current one keeps signing beside it for {@link #ROTATION_OVERLAP}. */
    void rotate(String encryptedSecret, Instant now) {
        previousSecret = secret;
        previousSecretUntil = now.plus(ROTATION_OVERLAP);
        secret = encryptedSecret;
        updatedAt = now;
    }

    /** The encrypted secrets that sign a message sent now: the current one first. */
    List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    boolean takes(String eventType) {
        return enabled && (EVERY_TYPE.equals(eventTypes) || types().contains(eventType));
    }

    Set<String> types() {
        return new LinkedHashSet<>(Arrays.asList(eventTypes.split(" ")));
    }

    void succeeded(Instant now) {
        if (failingSince != null) {
            failingSince = null;
            updatedAt = now;
        }
    }

    /** A failed attempt: answers true when this failure disables the endpoint. */
    boolean failed(Instant now) {
        if (failingSince == null) {
            failingSince = now;
            updatedAt = now;
            return false;
        }
        if (enabled && !now.isBefore(failingSince.plus(FAILING_LIMIT))) {
            disable("Every delivery failed for five days (since " + failingSince + ")", now);
            return true;
        }
        return false;
    }

    void disable(String reason, Instant now) {
        enabled = false;
        disabledAt = now;
        disabledReason = reason;
        updatedAt = now;
    }

    void enable(Instant now) {
        enabled = true;
        disabledAt = null;
        disabledReason = null;
        failingSince = null;
        updatedAt = now;
    }

    WebhookEndpointView view() {
        return new WebhookEndpointView(getId(), url, description, List.copyOf(types()), format, enabled, disabledAt,
                disabledReason, failingSince, previousSecretUntil, ownerId, createdAt, updatedAt);
    }

    String url() {
        return url;
    }

    WebhookFormat format() {
        return format;
    }

    String secret() {
        return secret;
    }

    boolean enabled() {
        return enabled;
    }

    UUID ownerId() {
        return ownerId;
    }

    String label() {
        return description != null ? description : url;
    }
}
