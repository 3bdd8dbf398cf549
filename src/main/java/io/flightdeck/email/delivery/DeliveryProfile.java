package io.flightdeck.email.delivery;

import java.time.Instant;

import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A workspace's delivery settings, one row at most. The keys and the webhook password are stored encrypted (the
 * columns hold what SecretCipher wrote); the verification key is SendGrid's public key and the token is the random
 * part of the webhook addresses.
 */
@Entity
@Table(name = "email_delivery_settings")
class DeliveryProfile extends VersionedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryProvider provider;
    @Column(name = "mailjet_api_key")
    private String mailjetApiKey;
    @Column(name = "mailjet_secret_key")
    private String mailjetSecretKey;
    @Column(name = "sendgrid_api_key")
    private String sendgridApiKey;
    @Column(name = "sendgrid_verification_key")
    private String sendgridVerificationKey;
    @Column(name = "webhook_token", nullable = false)
    private String webhookToken;
    @Column(name = "webhook_password", nullable = false)
    private String webhookPassword;

    protected DeliveryProfile() {
    }

    DeliveryProfile(String webhookToken, String encryptedWebhookPassword, Instant now) {
        this.provider = DeliveryProvider.SMTP;
        this.webhookToken = webhookToken;
        this.webhookPassword = encryptedWebhookPassword;
        this.updatedAt = now;
    }

    /** Each encrypted value is replaced only when given (null keeps the stored one). */
    void change(DeliveryProvider provider, String mailjetApiKey, String mailjetSecretKey, String sendgridApiKey,
            String sendgridVerificationKey, Instant now) {
        this.provider = provider;
        if (mailjetApiKey != null) {
            this.mailjetApiKey = mailjetApiKey;
        }
        if (mailjetSecretKey != null) {
            this.mailjetSecretKey = mailjetSecretKey;
        }
        if (sendgridApiKey != null) {
            this.sendgridApiKey = sendgridApiKey;
        }
        if (sendgridVerificationKey != null) {
            this.sendgridVerificationKey = sendgridVerificationKey;
        }
        this.updatedAt = now;
    }

    DeliveryProvider provider() {
        return provider;
    }

    String mailjetApiKey() {
        return mailjetApiKey;
    }

    String mailjetSecretKey() {
        return mailjetSecretKey;
    }

    String sendgridApiKey() {
        return sendgridApiKey;
    }

    String sendgridVerificationKey() {
        return sendgridVerificationKey;
    }

    String webhookToken() {
        return webhookToken;
    }

    String webhookPassword() {
        return webhookPassword;
    }

    long version() {
        return version;
    }
}
