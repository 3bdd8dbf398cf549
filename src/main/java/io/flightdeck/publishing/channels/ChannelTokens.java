package io.flightdeck.publishing.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.publishing.channels.OAuthTokens.Grant;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps accounts' tokens alive: renews a renewable token before it ends (a recurring task half an hour ahead, and
 * right before a call when that was missed), and moves an account's health with its token — expiring when it will
 * end and cannot be renewed, broken once it ended or the network refused to renew it.
 * <p>
 * A renewal holds the account's row for the length of the call: X refresh tokens are single-use, so two nodes
 * renewing at once would leave one with a spent token and a wrongly broken account.
 */
@Component
class ChannelTokens {

    /** The recurring task renews tokens that end within this. */
    static final Duration RENEW_AHEAD = Duration.ofMinutes(30);
    /** A call about to be made renews a token that ends within this. */
    static final Duration RENEW_BEFORE_CALL = Duration.ofMinutes(5);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ChannelTokens.class);

    private final ChannelAccountRepository accounts;
    private final ChannelAdapters adapters;
    private final OAuthTokens oauth;
    private final SecretCipher cipher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChannelTokens(ChannelAccountRepository accounts, ChannelAdapters adapters, OAuthTokens oauth, SecretCipher cipher,
            TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.adapters = adapters;
        this.oauth = oauth;
        this.cipher = cipher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One run over every workspace: answers how many accounts were looked at. */
    int checkAll() {
        Instant now = clock.instant();
        List<ChannelAccount> ending = TenantScope.system("channel tokens", () -> transactions.execute(tx ->
                accounts.findTokensEndingBefore(now.plus(ChannelAccount.EXPIRY_WARNING), PageRequest.of(0, BATCH))));
        for (ChannelAccount a : ending) {
            try {
                TenantScope.run(a.getTenantId(), () -> {
                    renewIfDue(a.getId(), RENEW_AHEAD);
                    transactions.executeWithoutResult(tx -> accounts.findLive(a.getId()).ifPresent(live -> {
                        live.checkToken(clock.instant());
                        accounts.save(live); // publishes a change for the worse
                    }));
                });
            } catch (RuntimeException e) {
                log.warn("Channel account {}: its token could not be checked", a.getId(), e);
            }
        }
        return ending.size();
    }

    /**
     * Renews the account's token when it ends within {@code ahead} and can be renewed, or, on a network that renews
     * its kept tokens itself (Meta's), within a week; answers whether it did.
     */
    boolean renewIfDue(UUID accountId, Duration ahead) {
        ChannelAccount seen = transactions.execute(tx -> accounts.findLive(accountId).orElse(null));
        ChannelAdapter adapter = seen == null ? null : adapters.find(seen.getNetwork()).orElse(null);
        if (!(adapter instanceof OAuthChannelAdapter network) || !adapter.available() || !due(seen, network, ahead)) {
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            ChannelAccount a = accounts.findLiveForUpdate(accountId).orElse(null);
            Instant now = clock.instant();
            if (a == null || !due(a, network, ahead)) {
                return false; // another node renewed it while this one waited for the row
            }
            try {
                Grant grant = a.getRefreshToken() != null
                        ? oauth.refresh(network.oauth(), cipher.decrypt(a.getRefreshToken()))
                        : kept(network.renew(cipher.decrypt(a.getAccessToken())), a.getScopes());
                a.tokens(cipher.encrypt(grant.accessToken()), grant.refreshToken() == null ? null
                        : cipher.encrypt(grant.refreshToken()), grant.expiresAt(), grant.scopes(), now);
                a.checkToken(now);
                accounts.save(a);
                return true;
            } catch (ChannelException e) {
                if (e.kind() == ChannelException.Kind.UNAUTHORIZED) {
                    a.broken(adapter.displayName() + " refused to renew the account's permission: connect it again. ("
                            + e.getMessage() + ")", now);
                } else {
                    log.warn("Channel account {}: {} could not renew its token now; trying again later: {}",
                            accountId, adapter.displayName(), e.getMessage());
                    a.checkToken(now);
                }
                accounts.save(a); // publishes a change for the worse
                return false;
            }
        }));
    }

    private boolean due(ChannelAccount account, OAuthChannelAdapter network, Duration ahead) {
        Instant now = clock.instant();
        return account.refreshDue(now, ahead) || network.renewsKeptTokens() && account.keptTokenDue(now);
    }

    private static Grant kept(OAuthChannelAdapter.KeptToken token, String scopes) {
        return new Grant(token.accessToken(), null, token.expiresAt(), scopes);
    }
}
