package io.flightdeck.publishing.channels;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.publishing.channels.OAuthTokens.Grant;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting accounts through a network's OAuth flow: {@link #start} sends the person to the network with an
 * unguessable state (and a PKCE challenge where the network takes one); {@link #complete} takes the network's answer,
 * refuses a state it did not hand out, one used before, late, or someone else's, exchanges the code (with the PKCE
 * verifier), and connects the account the token speaks for — or, when it speaks for several, keeps the token until
 * the person {@link #choose}s. An account connected before (same network, same id) is reconnected, not doubled: that
 * is how a broken account is mended. Network calls happen outside transactions.
 */
@Service
public class ChannelConnects {

    private final ChannelConnectRequestRepository requests;
    private final ChannelAccountRepository accounts;
    private final ChannelAdapters adapters;
    private final OAuthTokens oauth;
    private final SecretCipher cipher;
    private final PublicUrls urls;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChannelConnects(ChannelConnectRequestRepository requests, ChannelAccountRepository accounts,
            ChannelAdapters adapters, OAuthTokens oauth, SecretCipher cipher, PublicUrls urls,
            TransactionTemplate transactions, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.adapters = adapters;
        this.oauth = oauth;
        this.cipher = cipher;
        this.urls = urls;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Where to send the person, and the attempt's id (to ask about it, or to pick accounts later). */
    public record ConnectStarted(UUID requestId, URI authorizationUrl, Instant expiresAt) {
    }

    /** How an attempt ended: the accounts connected, or the ones to pick from. */
    public record ConnectOutcome(UUID requestId, String network, List<ChannelAccountView> connected,
            List<ConnectCandidate> candidates) {

        public boolean needsChoice() {
            return connected.isEmpty() && !candidates.isEmpty();
        }
    }

    /** An account the token can post as, and whether it is connected already (picking it again reconnects it). */
    public record ConnectCandidate(String externalId, String displayName, @Nullable String handle, String kind,
            String channelLabel, boolean connected) {
    }

    public ConnectStarted start(String network, String timeZone) {
        OAuthChannelAdapter adapter = oauthAdapter(network);
        ZoneId zone = ChannelAccounts.zone(timeZone);
        UUID user = CurrentActor.require().userId();
        String state = OAuthTokens.randomToken();
        String verifier = OAuthTokens.randomToken();
        ChannelConnectRequest request = transactions.execute(tx -> requests.save(new ChannelConnectRequest(network,
                OAuthTokens.hash(state), cipher.encrypt(verifier), zone, user, clock.instant())));
        URI to = oauth.authorizationUri(adapter.oauth(), redirectUri(network), state, verifier);
        return new ConnectStarted(request.getId(), to, request.getExpiresAt());
    }

    /** The address the network sends the person back to; registered with the network as the app's callback. */
    public URI redirectUri(String network) {
        return URI.create(urls.of("/channels/oauth/" + network + "/callback"));
    }

    /**
     * The network's answer at the callback: a code and the state, or an error (the person declined). The state is
     * checked and spent before the code is exchanged, so a replayed callback changes nothing.
     */
    public ConnectOutcome complete(String network, String state, String code, String error, String errorDescription) {
        if (state == null || state.isBlank()) {
            throw new InvalidInputException("state", "The network's answer carried no state; start again from the "
                    + "channels page.");
        }
        UUID user = CurrentActor.require().userId();
        Spent request = transactions.execute(tx -> {
            ChannelConnectRequest r = requests.findByStateHash(OAuthTokens.hash(state))
                    .filter(found -> found.getNetwork().equals(network))
                    .orElseThrow(() -> new InvalidInputException("state", "This answer does not belong to a "
                            + "connection started here (its state is unknown); start again from the channels page."));
            String verifier = r.getCodeVerifier() == null ? null : cipher.decrypt(r.getCodeVerifier());
            r.use(user, clock.instant());
            requests.saveAndFlush(r);
            return new Spent(r.getId(), verifier);
        });
        if (error != null && !error.isBlank()) {
            throw new ConflictException("connect-declined", adapterName(network) + " did not grant access: "
                    + (errorDescription == null || errorDescription.isBlank() ? error : errorDescription));
        }
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "The network's answer carried no code; start again.");
        }
        OAuthChannelAdapter adapter = oauthAdapter(network);
        Grant grant = kept(adapter, oauth.exchange(adapter.oauth(), code, redirectUri(network), request.verifier()));
        List<NetworkAccount> found = adapter.accounts(grant.accessToken());
        if (found.isEmpty()) {
            throw new ConflictException("connect-no-account", adapterName(network)
                    + " gave access to no account that can post.");
        }
        if (found.size() == 1) {
            List<ChannelAccountView> connected = transactions.execute(tx -> {
                ChannelConnectRequest r = requests.findById(request.id()).orElseThrow();
                r.complete(clock.instant());
                return List.of(connect(network, found.get(0), own(found.get(0), grant), r.getZone(), user));
            });
            return new ConnectOutcome(request.id(), network, connected, List.of());
        }
        transactions.executeWithoutResult(tx -> requests.findById(request.id()).orElseThrow().awaitChoice(
                cipher.encrypt(grant.accessToken()), grant.refreshToken() == null ? null
                        : cipher.encrypt(grant.refreshToken()), grant.expiresAt(), grant.scopes(), found));
        return pending(request.id());
    }

    /** An attempt waiting for the person to pick accounts. */
    public ConnectOutcome pending(UUID requestId) {
        return transactions.execute(tx -> {
            ChannelConnectRequest r = mine(requestId);
            if (!r.awaitingChoice()) {
                throw new NotFoundException("Connection waiting for a choice");
            }
            return new ConnectOutcome(r.getId(), r.getNetwork(), List.of(), candidates(r.getNetwork(), r.getCandidates()));
        });
    }

    /**
     * Connects the picked accounts with the token kept for them. Accounts with their own tokens (Facebook Pages) are
     * asked of the network again, outside the transaction, since the candidates kept for the choice hold no tokens.
     */
    public List<ChannelAccountView> choose(UUID requestId, Collection<String> externalIds) {
        if (externalIds == null || externalIds.isEmpty()) {
            throw new InvalidInputException("externalIds", "Pick at least one account.");
        }
        UUID user = CurrentActor.require().userId();
        Choice choice = transactions.execute(tx -> {
            ChannelConnectRequest r = mine(requestId);
            if (!r.awaitingChoice()) {
                throw new ConflictException("connect-done", "These accounts were already connected.");
            }
            List<NetworkAccount> picked = new ArrayList<>();
            for (String id : externalIds) {
                picked.add(r.getCandidates().stream().filter(c -> c.externalId().equals(id)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("externalIds", "“" + id
                                + "” is not one of the accounts this connection offers.")));
            }
            return new Choice(r.getNetwork(), picked, new Grant(cipher.decrypt(r.getAccessToken()),
                    r.getRefreshToken() == null ? null : cipher.decrypt(r.getRefreshToken()), r.getTokenExpiresAt(),
                    r.getScopes()));
        });
        List<NetworkAccount> picked = withOwnTokens(choice);
        return transactions.execute(tx -> {
            ChannelConnectRequest r = mine(requestId);
            if (!r.awaitingChoice()) {
                throw new ConflictException("connect-done", "These accounts were already connected.");
            }
            List<ChannelAccountView> connected = picked.stream()
                    .map(a -> connect(r.getNetwork(), a, own(a, choice.grant()), r.getZone(), user)).toList();
            r.complete(clock.instant());
            return connected;
        });
    }

    /** The picked accounts as the network names them now, with their own tokens where it gives them. */
    private List<NetworkAccount> withOwnTokens(Choice choice) {
        OAuthChannelAdapter adapter = oauthAdapter(choice.network());
        if (!adapter.accountsHaveOwnTokens()) {
            return choice.picked();
        }
        List<NetworkAccount> now = adapter.accounts(choice.grant().accessToken());
        return choice.picked().stream().map(p -> now.stream().filter(a -> a.externalId().equals(p.externalId()))
                .findFirst().orElseThrow(() -> new ConflictException("connect-account-gone", adapterName(
                        choice.network()) + " no longer lets this sign-in post as " + p.displayName()
                        + "; start again from the channels page."))).toList();
    }

    /** The account's own token when it has one (a Facebook Page's), otherwise the person's grant. */
    private static Grant own(NetworkAccount account, Grant grant) {
        if (account.token() == null) {
            return grant;
        }
        return new Grant(account.token().accessToken(), null, account.token().expiresAt(), grant.scopes());
    }

    private ChannelAccountView connect(String network, NetworkAccount found, Grant grant, ZoneId zone, UUID user) {
        Instant now = clock.instant();
        ChannelAccount account = accounts.findLiveByExternalId(network, found.externalId()).orElseGet(() ->
                new ChannelAccount(network, found.channel(), found.displayName(), found.handle(), found.externalId(),
                        zone, Map.of(), user, now));
        account.tokens(cipher.encrypt(grant.accessToken()), grant.refreshToken() == null ? null
                : cipher.encrypt(grant.refreshToken()), grant.expiresAt(), grant.scopes(), now);
        account.checkToken(now);
        return ChannelAccountView.of(accounts.saveAndFlush(account), adapterName(network));
    }

    /** A grant without a refresh token as the network would have it kept (Meta's long-lived token). */
    private static Grant kept(OAuthChannelAdapter adapter, Grant grant) {
        if (grant.refreshToken() != null) {
            return grant;
        }
        OAuthChannelAdapter.KeptToken kept = adapter.keep(new OAuthChannelAdapter.KeptToken(grant.accessToken(),
                grant.expiresAt()));
        return new Grant(kept.accessToken(), null, kept.expiresAt(), grant.scopes());
    }

    private List<ConnectCandidate> candidates(String network, List<NetworkAccount> found) {
        return found.stream().map(a -> new ConnectCandidate(a.externalId(), a.displayName(), a.handle(), a.kind(),
                a.channel().label(), accounts.findLiveByExternalId(network, a.externalId()).isPresent())).toList();
    }

    private ChannelConnectRequest mine(UUID requestId) {
        UUID user = CurrentActor.require().userId();
        return requests.findById(requestId).filter(r -> r.isStartedBy(user))
                .orElseThrow(() -> new NotFoundException("Connection"));
    }

    private OAuthChannelAdapter oauthAdapter(String network) {
        ChannelAdapter adapter = adapters.require(network);
        if (!(adapter instanceof OAuthChannelAdapter oauthAdapter)) {
            throw new InvalidInputException("network", adapter.displayName() + " accounts are not connected through "
                    + "a sign-in; see the channels page.");
        }
        if (!adapter.available()) {
            throw new ConflictException("network-not-configured", adapter.displayName() + " is not configured on this "
                    + "installation: an administrator sets its client id and secret (see docs/publishing.md).");
        }
        return oauthAdapter;
    }

    private String adapterName(String network) {
        return adapters.find(network).map(ChannelAdapter::displayName).orElse(network);
    }

    /** Forgets connection attempts a day past their expiry, with any token a person never picked an account for. */
    int forgetExpired() {
        return TenantScope.system("expired channel connections", () -> transactions.execute(tx ->
                requests.deleteExpiredBefore(clock.instant().minus(java.time.Duration.ofDays(1)))));
    }

    /** The accounts a person picked, with the grant kept for them, read before the network is asked again. */
    private record Choice(String network, List<NetworkAccount> picked, Grant grant) {
    }

    /** A request whose state was spent, with its verifier for the exchange that follows outside the transaction. */
    private record Spent(UUID id, String verifier) {
    }
}
