package io.flightdeck.assets.platforms;

import java.util.UUID;

/** A connection's credentials in clear, for one import's calls only; never logged or answered. */
public record AdPlatformCredentials(UUID connectionId, String accountId, String loginCustomerId, String developerToken,
        String oauthClientId, String oauthClientSecret, String refreshToken, String accessToken) {

    @Override
    public String toString() {
        return "AdPlatformCredentials[" + connectionId + "]";
    }
}
