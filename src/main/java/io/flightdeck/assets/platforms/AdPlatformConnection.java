package io.flightdeck.assets.platforms;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A workspace's access to one ad account's reporting: Google Ads (a customer id, the developer token, an OAuth client
 * and its refresh token) or Meta (an ad account and a system-user or long-lived access token). The credentials are
 * held encrypted ({@link io.flightdeck.shared.crypto.SecretCipher}); {@link AdPlatformConnections} encrypts and
 * decrypts, and no view carries them.
 */
@Entity
@Table(name = "ad_platform_connections")
class AdPlatformConnection extends TenantOwnedEntity {

    @Enumerated(EnumType.STRING)
    private AdPlatform platform;
    private String name;
    private String accountId;
    private String loginCustomerId;
    private String developerToken;
    private String oauthClientId;
    private String oauthClientSecret;
    private String refreshToken;
    private String accessToken;
    private UUID createdBy;
    private Instant createdAt;
    @Version
    private long version;

    protected AdPlatformConnection() {
    }

    private AdPlatformConnection(AdPlatform platform, String name, String accountId, UUID createdBy, Instant now) {
        this.platform = platform;
        this.name = name;
        this.accountId = accountId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Google Ads, with its credentials already encrypted. */
    static AdPlatformConnection googleAds(String name, String customerId, String loginCustomerId,
            String encryptedDeveloperToken, String encryptedClientId, String encryptedClientSecret,
            String encryptedRefreshToken, UUID createdBy, Instant now) {
        AdPlatformConnection c = new AdPlatformConnection(AdPlatform.GOOGLE_ADS, name, customerId, createdBy, now);
        c.loginCustomerId = loginCustomerId;
        c.developerToken = encryptedDeveloperToken;
        c.oauthClientId = encryptedClientId;
        c.oauthClientSecret = encryptedClientSecret;
        c.refreshToken = encryptedRefreshToken;
        return c;
    }

    /** Meta, with its access token already encrypted. */
    static AdPlatformConnection meta(String name, String adAccountId, String encryptedAccessToken, UUID createdBy,
            Instant now) {
        AdPlatformConnection c = new AdPlatformConnection(AdPlatform.META, name, adAccountId, createdBy, now);
        c.accessToken = encryptedAccessToken;
        return c;
    }

    void rename(String name) {
        this.name = name;
    }

    AdPlatform platform() {
        return platform;
    }

    String accountId() {
        return accountId;
    }

    String loginCustomerId() {
        return loginCustomerId;
    }

    String developerToken() {
        return developerToken;
    }

    String oauthClientId() {
        return oauthClientId;
    }

    String oauthClientSecret() {
        return oauthClientSecret;
    }

    String refreshToken() {
        return refreshToken;
    }

    String accessToken() {
        return accessToken;
    }

    AdPlatformConnectionView view() {
        return new AdPlatformConnectionView(getId(), platform, name, accountId, loginCustomerId, createdBy, createdAt);
    }
}
