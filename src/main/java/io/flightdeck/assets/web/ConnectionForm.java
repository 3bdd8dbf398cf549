package io.flightdeck.assets.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.assets.domain.AdPlatform;
import io.flightdeck.assets.platforms.AdPlatformConnectionRequest;

/**
 * The add-a-connection form of either platform, as posted. The page checks what the API's request record would refuse
 * (blank or too long), the service the rest (a customer id of ten digits, an ad account act_ and digits, the
 * credentials each platform needs).
 */
record ConnectionForm(AdPlatform platform, String name, String accountId, String loginCustomerId,
        String developerToken, String oauthClientId, String oauthClientSecret, String refreshToken,
        String accessToken) {

    static ConnectionForm empty() {
        return new ConnectionForm(null, "", "", "", null, null, null, null, null);
    }

    /** What goes back into the page when it returns with errors: never a credential. */
    ConnectionForm withoutSecrets() {
        return new ConnectionForm(platform, name, accountId, loginCustomerId, null, null, null, null, null);
    }

    Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (platform != AdPlatform.GOOGLE_ADS && platform != AdPlatform.META) {
            errors.put("global", "Choose Google Ads or Meta.");
            return errors;
        }
        if (blank(name)) {
            errors.put("name", "Give the connection a name, such as Roastery on "
                    + (platform == AdPlatform.GOOGLE_ADS ? "Google Ads" : "Meta"));
        }
        if (blank(accountId)) {
            errors.put("accountId", platform == AdPlatform.GOOGLE_ADS
                    ? "Give the customer id, such as 123-456-7890" : "Give the ad account id, such as act_1234567890");
        }
        tooLong(errors, "name", name, 200);
        tooLong(errors, "accountId", accountId, 64);
        tooLong(errors, "loginCustomerId", loginCustomerId, 16);
        tooLong(errors, "developerToken", developerToken, 500);
        tooLong(errors, "oauthClientId", oauthClientId, 500);
        tooLong(errors, "oauthClientSecret", oauthClientSecret, 500);
        tooLong(errors, "refreshToken", refreshToken, 1000);
        tooLong(errors, "accessToken", accessToken, 1000);
        return errors;
    }

    AdPlatformConnectionRequest toRequest() {
        return platform == AdPlatform.GOOGLE_ADS
                ? new AdPlatformConnectionRequest(platform, name, accountId, loginCustomerId, developerToken,
                        oauthClientId, oauthClientSecret, refreshToken, null)
                : new AdPlatformConnectionRequest(platform, name, accountId, null, null, null, null, null, accessToken);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void tooLong(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.putIfAbsent(field, "must be at most " + max + " characters");
        }
    }
}
