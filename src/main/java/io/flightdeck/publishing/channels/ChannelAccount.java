package io.flightdeck.publishing.channels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.ChannelAccountTrouble;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A connected account on a network: where posts go, in which time zone its audience lives, and whether it can post.
 * Tokens are stored encrypted (the service encrypts and decrypts them); health follows the token and the network's
 * answers: a revoked token makes the account broken until it is connected again.
 */
@Entity
@Table(name = "channel_accounts")
class ChannelAccount extends TenantOwnedEntity {

    /** A token that ends within this and cannot be refreshed makes the account "expiring". */
    static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    private String network;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String displayName;
    private String handle;
    private String externalId;
    private String timeZone;
    private String accessToken;
    private String refreshToken;
    private Instant tokenExpiresAt;
    private String scopes;
    @Enumerated(EnumType.STRING)
    private ChannelHealth health;
    private String healthReason;
    private Instant healthCheckedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> settings = new LinkedHashMap<>();
    private java.util.UUID connectedBy;
    private Instant connectedAt;
    private Instant updatedAt;
    private Instant deletedAt;
    @Version
    @Column(name = "version")
    private long version;

    protected ChannelAccount() {
    }

    ChannelAccount(String network, Channel channel, String displayName, String handle, String externalId, ZoneId zone,
            Map<String, Object> settings, java.util.UUID connectedBy, Instant now) {
        this.network = network;
        this.channel = channel;
        this.displayName = displayName;
        this.handle = handle;
        this.externalId = externalId;
        this.timeZone = zone.getId();
        this.settings = new LinkedHashMap<>(settings);
        this.health = ChannelHealth.CONNECTED;
        this.connectedBy = connectedBy;
        this.connectedAt = now;
        this.healthCheckedAt = now;
        this.updatedAt = now;
    }

    /** Stores a new token pair (already encrypted): the account is connected again. */
    void tokens(String accessTokenEncrypted, String refreshTokenEncrypted, Instant expiresAt, String scopes, Instant now) {
        this.accessToken = accessTokenEncrypted;
        if (refreshTokenEncrypted != null) {
            this.refreshToken = refreshTokenEncrypted;
        }
        this.tokenExpiresAt = expiresAt;
        if (scopes != null) {
            this.scopes = scopes;
        }
        healthy(now);
    }

    /** A change for the worse is told once (the notifications module listens); the repository's save publishes it. */
    private void troubleIfNew(ChannelHealth next, String reason, Instant now) {
        if (health != next) {
            registerEvent(new ChannelAccountTrouble(getTenantId(), getId(), channel, displayName, next.name(), reason,
                    connectedBy, now));
        }
    }

    void healthy(Instant now) {
        this.health = ChannelHealth.CONNECTED;
        this.healthReason = null;
        this.healthCheckedAt = now;
        this.updatedAt = now;
    }

    void broken(String reason, Instant now) {
        troubleIfNew(ChannelHealth.BROKEN, reason, now);
        this.health = ChannelHealth.BROKEN;
        this.healthReason = reason;
        this.healthCheckedAt = now;
        this.updatedAt = now;
    }

    void expiring(String reason, Instant now) {
        if (health != ChannelHealth.BROKEN) {
            troubleIfNew(ChannelHealth.EXPIRING, reason, now);
            this.health = ChannelHealth.EXPIRING;
            this.healthReason = reason;
            this.healthCheckedAt = now;
            this.updatedAt = now;
        }
    }

    /**
     * Health as the token stands: broken once it has ended, expiring when it ends within {@link #EXPIRY_WARNING} and
     * cannot be renewed (LinkedIn gives most applications no refresh token). A renewable token is renewed before it ends.
     */
    void checkToken(Instant now) {
        if (accessToken == null || tokenExpiresAt == null || health == ChannelHealth.BROKEN) {
            return;
        }
        String day = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(tokenExpiresAt.atZone(getZone()));
        if (!tokenExpiresAt.isAfter(now)) {
            broken("The network's permission ended on " + day + ": connect the account again.", now);
        } else if (refreshToken == null && tokenExpiresAt.isBefore(now.plus(EXPIRY_WARNING))) {
            expiring("The network's permission ends on " + day + " and cannot be renewed: connect the account again "
                    + "before then.", now);
        }
    }

    boolean refreshDue(Instant now, Duration ahead) {
        return accessToken != null && refreshToken != null && tokenExpiresAt != null
                && tokenExpiresAt.isBefore(now.plus(ahead));
    }

    /** A token without a refresh token that its network renews itself ({@code OAuthChannelAdapter#renew}) is due. */
    boolean keptTokenDue(Instant now) {
        return accessToken != null && refreshToken == null && tokenExpiresAt != null
                && tokenExpiresAt.isBefore(now.plus(EXPIRY_WARNING));
    }

    void rename(String displayName, ZoneId zone, Instant now) {
        requireLive();
        this.displayName = displayName;
        this.timeZone = zone.getId();
        this.updatedAt = now;
    }

    void settings(Map<String, Object> settings, Instant now) {
        requireLive();
        this.settings = new LinkedHashMap<>(settings);
        this.updatedAt = now;
    }

    void disconnect(Instant now) {
        requireLive();
        this.deletedAt = now;
        this.accessToken = null;
        this.refreshToken = null;
        this.updatedAt = now;
    }

    private void requireLive() {
        if (deletedAt != null) {
            throw new ConflictException("account-disconnected", "This account was disconnected.");
        }
    }

    String getNetwork() {
        return network;
    }

    Channel getChannel() {
        return channel;
    }

    String getDisplayName() {
        return displayName;
    }

    String getHandle() {
        return handle;
    }

    String getExternalId() {
        return externalId;
    }

    ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    String getAccessToken() {
        return accessToken;
    }

    String getRefreshToken() {
        return refreshToken;
    }

    Instant getTokenExpiresAt() {
        return tokenExpiresAt;
    }

    String getScopes() {
        return scopes;
    }

    ChannelHealth getHealth() {
        return health;
    }

    String getHealthReason() {
        return healthReason;
    }

    Instant getHealthCheckedAt() {
        return healthCheckedAt;
    }

    Map<String, Object> getSettings() {
        return settings;
    }

    java.util.UUID getConnectedBy() {
        return connectedBy;
    }

    Instant getConnectedAt() {
        return connectedAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    long getVersion() {
        return version;
    }
}
