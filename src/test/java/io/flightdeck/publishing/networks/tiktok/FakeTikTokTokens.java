package io.flightdeck.publishing.networks.tiktok;

import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link FakeTikTok}'s Login Kit for Web: the consent page ({@code GET /v2/auth/authorize/} with {@code client_key},
 * {@code response_type=code}, comma-separated {@code scope}, the registered {@code redirect_uri} and a {@code state};
 * the person grants at once and is sent back with {@code code}, {@code scopes} and the same {@code state}) and the token endpoint ({@code POST /v2/oauth/token/}, form-encoded, {@code client_key}):
 * the code exchange and the refresh_token grant, access tokens of 24 hours and refresh tokens of a year, and Login
 * Kit's own error shape ({@code error}, {@code error_description}, {@code log_id}).
 */
final class FakeTikTokTokens {

    private FakeTikTokTokens() {
    }

    static MockResponse authorize(FakeTikTok fake, RecordedRequest request) {
        var url = request.getUrl();
        String redirect = url.queryParameter("redirect_uri");
        String scope = url.queryParameter("scope");
        String state = url.queryParameter("state");
        if (!FakeTikTok.CLIENT_KEY.equals(url.queryParameter("client_key"))
                || !"code".equals(url.queryParameter("response_type")) || redirect == null
                || (fake.redirectUri != null && !fake.redirectUri.equals(redirect)) || state == null || state.length() < 16
                || scope == null || !java.util.Set.of(scope.split(",")).containsAll(TikTokChannel.SCOPES)) {
            throw fake.violated("authorize: client_key, response_type, redirect_uri, state or scope off the documented "
                    + "shape: " + url.query());
        }
        return new MockResponse.Builder().code(302).addHeader("Location", redirect + "?code=" + FakeTikTok.CODE
                + "&scopes=" + java.net.URLEncoder.encode(scope, java.nio.charset.StandardCharsets.UTF_8) + "&state="
                + state).build();
    }

    static MockResponse token(FakeTikTok fake, RecordedRequest request) {
        String type = request.getHeaders().get("Content-Type");
        if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            throw fake.violated("oauth/token: Content-Type " + type);
        }
        Map<String, String> form = FakeTikTok.form(request.getBody().utf8());
        if (!FakeTikTok.CLIENT_KEY.equals(form.get("client_key"))
                || !FakeTikTok.CLIENT_SECRET.equals(form.get("client_secret"))) {
            return refused(fake, "invalid_client", "Client key or secret is wrong.");
        }
        String grant = form.get("grant_type");
        boolean good = switch (grant == null ? "" : grant) {
            case "authorization_code" -> FakeTikTok.CODE.equals(form.get("code")) && form.get("redirect_uri") != null;
            case "refresh_token" -> FakeTikTok.REFRESH_TOKEN.equals(form.get("refresh_token"));
            default -> throw fake.violated("oauth/token: grant_type " + grant);
        };
        if (!good) {
            return refused(fake, "invalid_grant", "Authorization code or refresh token is expired or invalid.");
        }
        ObjectNode answer = fake.json().createObjectNode().put("access_token", FakeTikTok.TOKEN)
                .put("expires_in", 86400).put("open_id", FakeTikTok.OPEN_ID).put("refresh_expires_in", 31536000)
                .put("refresh_token", FakeTikTok.REFRESH_TOKEN)
                .put("scope", String.join(",", TikTokChannel.SCOPES)).put("token_type", "Bearer");
        return fake.answer(200, answer);
    }

    private static MockResponse refused(FakeTikTok fake, String error, String description) {
        return fake.answer(400, fake.json().createObjectNode().put("error", error)
                .put("error_description", description).put("log_id", "20261129010101TOKEN"));
    }
}
