package io.flightdeck.assets.platforms;

import io.flightdeck.assets.domain.AdPlatform;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new connection. Google Ads needs the customer id (ten digits; dashes allowed), the developer token and an OAuth
 * client with a refresh token for the adwords scope, and a manager account's id as {@code loginCustomerId} when the
 * access runs through one; Meta needs the ad account ({@code act_} and digits) and an access token.
 */
public record AdPlatformConnectionRequest(@Schema(example = "GOOGLE_ADS") @NotNull AdPlatform platform,
        @Schema(example = "Roastery on Google Ads") @NotBlank @Size(max = 200) String name,
        @Schema(example = "123-456-7890") @NotBlank @Size(max = 64) String accountId,
        @Nullable @Size(max = 16) String loginCustomerId,
        @Schema(example = "AbCdEfGh0123456789") @Nullable @Size(max = 500) String developerToken,
        @Schema(example = "1234567890-example.apps.googleusercontent.com") @Nullable @Size(max = 500)
        String oauthClientId,
        @Schema(example = "GOCSPX-example-secret") @Nullable @Size(max = 500) String oauthClientSecret,
        @Schema(example = "1//0example-refresh-token") @Nullable @Size(max = 1000) String refreshToken,
        @Nullable @Size(max = 1000) String accessToken) {
}
