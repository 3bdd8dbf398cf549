package io.flightdeck.publishing.channels;

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
}
