package io.flightdeck.publishing.channels;

import java.net.URI;
import java.util.List;

/**
 * An OAuth 2.0 client registered at a network.
 *
 * @param authorizeUri where the person is sent to grant access
 * @param tokenUri     where codes and refresh tokens are exchanged for access tokens
 * @param clientSecret null for a public client
 * @param scopes       asked for, in the network's spelling
 * @param pkce         whether the network takes a PKCE challenge (S256); X requires one, LinkedIn's web flow has none
 * @param basicAuth    whether the client authenticates at the token endpoint with HTTP Basic (X) rather than with
 *                     {@code client_id} and {@code client_secret} in the form (LinkedIn)
 * @param clientIdParameter what the network calls the client id in the address and the form: {@code client_id}, or
 *                     TikTok's {@code client_key}
 * @param scopeSeparator how the scopes are joined: a space (RFC 6749), or a comma (TikTok, Facebook)
 * @param tokenByGet  whether codes are exchanged with a GET carrying the parameters in the query (the only form Meta
 *                     documents for its {@code oauth/access_token}) rather than RFC 6749's POSTed form
 */
public record OAuthClient(URI authorizeUri, URI tokenUri, String clientId, String clientSecret, List<String> scopes,
        boolean pkce, boolean basicAuth, String clientIdParameter, String scopeSeparator, boolean tokenByGet) {

    /** A client whose token endpoint takes RFC 6749's POSTed form. */
    public OAuthClient(URI authorizeUri, URI tokenUri, String clientId, String clientSecret, List<String> scopes,
            boolean pkce, boolean basicAuth, String clientIdParameter, String scopeSeparator) {
        this(authorizeUri, tokenUri, clientId, clientSecret, scopes, pkce, basicAuth, clientIdParameter, scopeSeparator,
                false);
    }

    /** A client as RFC 6749 names its parameters. */
    public OAuthClient(URI authorizeUri, URI tokenUri, String clientId, String clientSecret, List<String> scopes,
            boolean pkce, boolean basicAuth) {
        this(authorizeUri, tokenUri, clientId, clientSecret, scopes, pkce, basicAuth, "client_id", " ");
    }

    @Override
    public String toString() {
        return "OAuthClient[" + clientId + " at " + tokenUri + "]";
    }
}
