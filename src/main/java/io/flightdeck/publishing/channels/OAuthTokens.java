package io.flightdeck.publishing.channels;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.networks.NetworkCalls;
import io.flightdeck.shared.outbound.OutboundClient;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OAuth 2.0 as every network speaks it (RFC 6749 and, where the network takes it, PKCE of RFC 7636): the address the
 * person is sent to, the code exchanged for tokens, and a refresh token exchanged for a new pair. Networks differ only
 * in their {@link OAuthClient}.
 */
@Component
class OAuthTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final NetworkCalls http;
    private final Clock clock;

    OAuthTokens(Clock clock) {
        this.http = new NetworkCalls(OutboundClient.to("The network's sign-in service")
                .readTimeout(Duration.ofSeconds(30)).followRedirects().errorText(NetworkCalls.ERROR_TEXT).clock(clock)
                .build());
        this.clock = clock;
    }

    /**
     * A token endpoint's answer (RFC 6749, section 5.1); {@code expires_in} in seconds. Instagram's Business Login
     * documents its answer wrapped in a list, {@code {"data": [{"access_token": ...}]}}, and is seen answering flat
     * too: {@code data} holds the wrapped one. TikTok may answer a refusal with 200 and {@code error} in the body.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TokenAnswer(String accessToken, String refreshToken, Long expiresIn, String scope, String error,
            String errorDescription, List<TokenAnswer> data) {

        TokenAnswer unwrapped() {
            return accessToken == null && data != null && !data.isEmpty() && data.get(0) != null ? data.get(0) : this;
        }
    }

    /** What a token endpoint granted; {@code refreshToken} and {@code expiresAt} are null when it gave none. */
    record Grant(String accessToken, String refreshToken, Instant expiresAt, String scopes) {

        @Override
        public String toString() {
            return "Grant[expires " + expiresAt + "]";
        }
    }

    /** 32 random bytes, URL-safe: an unguessable state or PKCE verifier (43 characters, as RFC 7636 asks at least). */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The S256 challenge of a verifier: BASE64URL(SHA-256(verifier)). */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    static String hash(String state) {
        StringBuilder hex = new StringBuilder();
        for (byte b : sha256(state)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the person grants access. */
    URI authorizationUri(OAuthClient client, URI redirectUri, String state, String verifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put(client.clientIdParameter(), client.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", String.join(client.scopeSeparator(), client.scopes()));
        query.put("state", state);
        if (client.pkce()) {
            query.put("code_challenge", challenge(verifier));
            query.put("code_challenge_method", "S256");
        }
        String separator = client.authorizeUri().getRawQuery() == null ? "?" : "&";
        return URI.create(client.authorizeUri() + separator + form(query));
    }

    Grant exchange(OAuthClient client, String code, URI redirectUri, String verifier) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri.toString());
        if (client.pkce()) {
            body.put("code_verifier", verifier);
        }
        return token(client, body);
    }

    Grant refresh(OAuthClient client, String refreshToken) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        return token(client, body);
    }

    private Grant token(OAuthClient client, Map<String, String> body) {
        String basic = null;
        if (client.basicAuth()) {
            String credentials = URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8);
            basic = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        } else {
            body.put(client.clientIdParameter(), client.clientId());
            if (client.clientSecret() != null) {
                body.put("client_secret", client.clientSecret());
            }
        }
        String authorization = basic;
        TokenAnswer answer;
        try {
            if (client.tokenByGet()) {
                String separator = client.tokenUri().getRawQuery() == null ? "?" : "&";
                URI withQuery = URI.create(client.tokenUri() + separator + form(body));
                answer = http.read(rest -> rest.get().uri(withQuery).retrieve().body(TokenAnswer.class));
            } else {
                answer = http.read(rest -> rest.post().uri(client.tokenUri()).headers(h -> {
                    if (authorization != null) {
                        h.set("Authorization", authorization);
                    }
                }).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form(body)).retrieve()
                        .body(TokenAnswer.class));
            }
        } catch (ChannelException e) {
            if (e.kind() == Kind.REFUSED || e.kind() == Kind.UNAUTHORIZED) {
                // invalid_grant and its kin: the code or the refresh token is spent or revoked, only a person can help
                throw new ChannelException(Kind.UNAUTHORIZED, "grant-refused", e.getMessage(), null, e);
            }
            throw e;
        }
        answer = answer == null ? null : answer.unwrapped();
        if (answer != null && answer.error() != null && answer.accessToken() == null) {
            // some networks (TikTok) answer with 200 and the error in the body; only a person helps a refused grant
            boolean refused = java.util.Set.of("invalid_grant", "invalid_client", "unauthorized_client",
                    "invalid_request", "access_denied").contains(answer.error());
            throw new ChannelException(refused ? Kind.UNAUTHORIZED : Kind.RETRYABLE, refused ? "grant-refused"
                    : "grant-unreadable", "The network answered " + answer.error()
                    + (answer.errorDescription() == null ? "" : ": " + answer.errorDescription()));
        }
        if (answer == null || answer.accessToken() == null) {
            throw new ChannelException(Kind.RETRYABLE, "grant-unreadable",
                    "The network's token answer had no access token.");
        }
        Instant expiresAt = answer.expiresIn() == null ? null : clock.instant().plusSeconds(answer.expiresIn());
        return new Grant(answer.accessToken(), answer.refreshToken(), expiresAt, answer.scope());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
