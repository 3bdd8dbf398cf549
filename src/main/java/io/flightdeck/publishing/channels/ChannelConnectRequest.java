package io.flightdeck.publishing.channels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.persistence.NotAudited;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One attempt to connect accounts through a network's OAuth flow. The state is kept only as a hash, so a leaked
 * table cannot finish someone's flow; the PKCE verifier and any tokens are encrypted. Used once: a second callback
 * with the same state is refused. Not audited (bookkeeping; the accounts it connects are).
 */
@Entity
@Table(name = "channel_connect_requests")
@NotAudited
class ChannelConnectRequest extends TenantOwnedEntity {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private String network;
    private String stateHash;
    private String codeVerifier;
    private String timeZone;
    private UUID requestedBy;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;
    private Instant completedAt;
    private String accessToken;
    private String refreshToken;
    private Instant tokenExpiresAt;
    private String scopes;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<NetworkAccount> candidates;
    @Version
    @Column(name = "version")
    private long version;

    protected ChannelConnectRequest() {
    }

    ChannelConnectRequest(String network, String stateHash, String codeVerifierEncrypted, ZoneId zone,
            UUID requestedBy, Instant now) {
        this.network = network;
        this.stateHash = stateHash;
        this.codeVerifier = codeVerifierEncrypted;
        this.timeZone = zone.getId();
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** The callback arrived: refused when it is late, repeated or someone else's; the verifier is spent. */
    void use(UUID user, Instant now) {
        if (usedAt != null) {
            throw new ConflictException("connect-used", "This connection link was already used; start again from "
                    + "the channels page.");
        }
        if (now.isAfter(expiresAt)) {
            throw new ConflictException("connect-expired", "The connection took longer than "
                    + LIFETIME.toMinutes() + " minutes; start again from the channels page.");
        }
        if (!requestedBy.equals(user)) {
            throw new ConflictException("connect-other-user", "This connection was started by someone else.");
        }
        this.usedAt = now;
        this.codeVerifier = null;
    }

    /** The token speaks for several accounts: kept (encrypted) until the person picks. */
    void awaitChoice(String accessTokenEncrypted, String refreshTokenEncrypted, Instant tokenExpiresAt, String scopes,
            List<NetworkAccount> candidates) {
        this.accessToken = accessTokenEncrypted;
        this.refreshToken = refreshTokenEncrypted;
        this.tokenExpiresAt = tokenExpiresAt;
        this.scopes = scopes;
        this.candidates = new ArrayList<>(candidates);
    }

    /** Done: the tokens leave this row (they live on the accounts now). */
    void complete(Instant now) {
        if (completedAt != null) {
            throw new ConflictException("connect-done", "These accounts were already connected.");
        }
        this.completedAt = now;
        this.accessToken = null;
        this.refreshToken = null;
    }

    boolean awaitingChoice() {
        return usedAt != null && completedAt == null && candidates != null && !candidates.isEmpty();
    }

    boolean isStartedBy(UUID user) {
        return requestedBy.equals(user);
    }

    String getNetwork() {
        return network;
    }

    String getCodeVerifier() {
        return codeVerifier;
    }

    ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getCompletedAt() {
        return completedAt;
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

    List<NetworkAccount> getCandidates() {
        return candidates == null ? List.of() : List.copyOf(candidates);
    }
}
