package io.flightdeck.publishing.channels;

import java.time.Instant;
import java.util.List;

/**
 * A network whose accounts connect through OAuth 2.0's authorization code grant (X, LinkedIn, and later Facebook,
 * Instagram and TikTok). The adapter says where its authorisation and token endpoints are and who a fresh token speaks
 * for; the connect flow, the state and PKCE checks, the code exchange, encryption at rest and refreshing before expiry
 * are the publishing module's, written once.
 */
public interface OAuthChannelAdapter extends ChannelAdapter {

    /** This installation's client at the network; only asked when {@link #available()}. */
    OAuthClient oauth();

    /**
     * The accounts a fresh access token can post as: the X user; the LinkedIn member and the organizations they
     * administer. A person picks one when there are several.
     *
     * @throws ChannelException when the network refuses the token or cannot be reached
     */
    List<NetworkAccount> accounts(String accessToken);

    /**
     * Whether {@link #accounts} gives each account its own token (a Facebook Page's), which the account keeps instead
     * of the person's grant; the connect flow then asks again when the person has picked, since it keeps no such
     * token while they choose.
     */
    default boolean accountsHaveOwnTokens() {
        return false;
    }

    /** A token as an account keeps it when the network gives no refresh token (Meta's long-lived tokens). */
    record KeptToken(String accessToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "KeptToken[expires " + expiresAt + "]"; // never the token in a log line
        }
    }

    /**
     * The token to keep from the code exchange's (Facebook's short-lived user token traded for a long-lived one);
     * unchanged by default. Only asked when the exchange gave no refresh token.
     *
     * @throws ChannelException when the network refuses or cannot be reached
     */
    default KeptToken keep(KeptToken granted) {
        return granted;
    }

    /** Whether {@link #renew} renews a kept token before it lapses (within a week of its end). */
    default boolean renewsKeptTokens() {
        return false;
    }

    /**
     * A fresh kept token for one about to lapse (Instagram's {@code ig_refresh_token}, Facebook's
     * {@code fb_exchange_token}); only asked when {@link #renewsKeptTokens()}.
     *
     * @throws ChannelException {@code UNAUTHORIZED} when the network refuses (lapsed, revoked): the account is broken
     */
    default KeptToken renew(String accessToken) {
        throw new UnsupportedOperationException(network() + " does not renew its tokens");
    }
}
