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
 */
public record OAuthClient(URI authorizeUri, URI tokenUri, String clientId, String clientSecret, List<String> scopes,
        boolean pkce, boolean basicAuth) {

    @Override
    public String toString() {
        return "OAuthClient[" + clientId + " at " + tokenUri + "]";
    }
}
