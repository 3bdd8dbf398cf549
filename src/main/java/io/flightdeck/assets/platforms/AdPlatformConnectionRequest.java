package io.flightdeck.assets.platforms;

import io.flightdeck.assets.domain.AdPlatform;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new connection. Google Ads needs the customer id (ten digits; dashes allowed), the developer token and an OAuth
 * client with a refresh token for the adwords scope, and a manager account's id as {@code loginCustomerId} when the
 * access runs through one; Meta needs the ad account ({@code act_} and digits) and an access token.
 */
public record AdPlatformConnectionRequest(@NotNull AdPlatform platform, @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String accountId, @Nullable @Size(max = 16) String loginCustomerId,
        @Nullable @Size(max = 500) String developerToken, @Nullable @Size(max = 500) String oauthClientId,
        @Nullable @Size(max = 500) String oauthClientSecret, @Nullable @Size(max = 1000) String refreshToken,
        @Nullable @Size(max = 1000) String accessToken) {
}
