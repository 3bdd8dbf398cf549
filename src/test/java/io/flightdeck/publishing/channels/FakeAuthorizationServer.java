package io.flightdeck.publishing.channels;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * An OAuth 2.0 authorisation server as RFC 6749 and RFC 7636 describe it and as X and LinkedIn run theirs: the
 * authorisation endpoint checks the query (response type, client id, the registered redirect, scopes, a state, and —
 * when the network demands PKCE — an S256 challenge) and sends the browser back with a single-use code and the same
 * state; the token endpoint checks the client's credentials (HTTP Basic or in the form), the code, the redirect and
 * the PKCE verifier against the challenge, and hands out tokens; refresh tokens are single-use (X rotates them).
 * Anything off the documented shape is recorded in {@link #violations} and answered as the network would.
 */
public class FakeAuthorizationServer {

    private final String authorizePath;
    private final String tokenPath;
    private final String clientId;
    private final String clientSecret;
    private final boolean pkce;
    private final boolean basicAuth;
    /** The callback registered with the network; a browser test sets the running application's own. */
    public volatile String redirectUri;
    private final Set<String> requiredScopes;
    public final List<String> violations = new CopyOnWriteArrayList<>();
    /** Access tokens handed out, in order; the adapter's fake accepts these. */
    public final List<String> accessTokens = new CopyOnWriteArrayList<>();
    public final AtomicInteger refreshes = new AtomicInteger();
    /** Seconds an access token lives; null for none given. */
    public volatile Long expiresIn = 7200L;
    public volatile boolean issueRefreshTokens = true;
    public volatile boolean refuseRefresh;
    /** Hands out this access token rather than a new one each time (for a network fake that knows one token). */
    public volatile String fixedAccessToken;
    private final Map<String, String> codes = new ConcurrentHashMap<>(); // code → challenge ("" without PKCE)
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger serial = new AtomicInteger();

    public FakeAuthorizationServer(String authorizePath, String tokenPath, String clientId, String clientSecret,
            boolean pkce, boolean basicAuth, String redirectUri, Set<String> requiredScopes) {
        this.authorizePath = authorizePath;
        this.tokenPath = tokenPath;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.pkce = pkce;
        this.basicAuth = basicAuth;
        this.redirectUri = redirectUri;
        this.requiredScopes = requiredScopes;
    }

    public boolean handles(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        return path.equals(authorizePath) || path.equals(tokenPath);
    }

    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals(authorizePath) && "GET".equals(request.getMethod())) {
            return authorize(request);
        }
        if (path.equals(tokenPath) && "POST".equals(request.getMethod())) {
            return token(request);
        }
        violations.add(request.getMethod() + " " + path);
        return error(405, "invalid_request", "method not allowed");
    }

    /** A code for a challenge of the test's choosing: a callback carrying it fails the PKCE check. */
    public String codeForChallenge(String challenge) {
        String code = "code-" + serial.incrementAndGet();
        codes.put(code, challenge);
        return code;
    }

    /** Revokes every refresh token, as a person removing the app's access does. */
    public void revokeAll() {
        liveRefreshTokens.clear();
    }

    private MockResponse authorize(RecordedRequest request) {
        var url = request.getUrl();
        List<String> problems = new java.util.ArrayList<>();
        if (!"code".equals(url.queryParameter("response_type"))) {
            problems.add("response_type is " + url.queryParameter("response_type"));
        }
        if (!clientId.equals(url.queryParameter("client_id"))) {
            problems.add("client_id is " + url.queryParameter("client_id"));
        }
        if (!redirectUri.equals(url.queryParameter("redirect_uri"))) {
            problems.add("redirect_uri " + url.queryParameter("redirect_uri") + " is not the registered " + redirectUri);
        }
        String scope = url.queryParameter("scope");
        if (scope == null || !Set.of(scope.split(" ")).containsAll(requiredScopes)) {
            problems.add("scope " + scope + " lacks some of " + requiredScopes);
        }
        String state = url.queryParameter("state");
        if (state == null || state.length() < 16) {
            problems.add("state missing or guessable: " + state);
        }
        String challenge = url.queryParameter("code_challenge");
        if (pkce && (challenge == null || challenge.length() < 43
                || !"S256".equals(url.queryParameter("code_challenge_method")))) {
            problems.add("PKCE challenge missing or not S256");
        }
        if (!problems.isEmpty()) {
            violations.addAll(problems);
            return new MockResponse.Builder().code(400).body(String.join("; ", problems)).build();
        }
        String code = codeForChallenge(pkce ? challenge : "");
        String location = redirectUri + "?code=" + code + "&state=" + state;
        return new MockResponse.Builder().code(302).addHeader("Location", location).build();
    }

    private MockResponse token(RecordedRequest request) {
        if (!"application/x-www-form-urlencoded".equals(request.getHeaders().get("Content-Type"))) {
            violations.add("token request Content-Type " + request.getHeaders().get("Content-Type"));
            return error(400, "invalid_request", "form expected");
        }
        Map<String, String> form = form(request.getBody().utf8());
        if (!clientAuthenticated(request, form)) {
            return error(401, "invalid_client", "Client authentication failed");
        }
        return switch (String.valueOf(form.get("grant_type"))) {
            case "authorization_code" -> exchange(form);
            case "refresh_token" -> refresh(form);
            default -> {
                violations.add("grant_type " + form.get("grant_type"));
                yield error(400, "unsupported_grant_type", "grant_type");
            }
        };
    }

    private boolean clientAuthenticated(RecordedRequest request, Map<String, String> form) {
        String authorization = request.getHeaders().get("Authorization");
        if (basicAuth) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(authorization)) {
                violations.add("client not authenticated with HTTP Basic");
                return false;
            }
            return true;
        }
        if (!clientId.equals(form.get("client_id"))
                || (clientSecret != null && !clientSecret.equals(form.get("client_secret")))) {
            violations.add("client_id/client_secret missing from the form");
            return false;
        }
        return true;
    }

    private MockResponse exchange(Map<String, String> form) {
        String challenge = codes.remove(String.valueOf(form.get("code")));
        if (challenge == null) {
            return error(400, "invalid_grant", "Value passed for the authorization code was invalid.");
        }
        if (!redirectUri.equals(form.get("redirect_uri"))) {
            violations.add("token redirect_uri " + form.get("redirect_uri"));
            return error(400, "invalid_grant", "redirect_uri does not match");
        }
        if (pkce && !challenge.equals(s256(form.get("code_verifier")))) {
            return error(400, "invalid_request", "Value passed for the code verifier did not match the challenge.");
        }
        return tokens();
    }

    private MockResponse refresh(Map<String, String> form) {
        refreshes.incrementAndGet();
        if (refuseRefresh || !liveRefreshTokens.remove(String.valueOf(form.get("refresh_token")))) {
            return error(400, "invalid_grant", "Value passed for the token was invalid.");
        }
        return tokens();
    }

    private MockResponse tokens() {
        int n = serial.incrementAndGet();
        String access = fixedAccessToken != null ? fixedAccessToken : "access-" + n;
        accessTokens.add(access);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "bearer");
        body.put("access_token", access);
        body.put("scope", String.join(" ", requiredScopes));
        if (expiresIn != null) {
            body.put("expires_in", expiresIn);
        }
        if (issueRefreshTokens) {
            String refresh = "refresh-" + n;
            liveRefreshTokens.add(refresh);
            body.put("refresh_token", refresh);
        }
        StringBuilder json = new StringBuilder("{");
        body.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String s ? "\"" + s + "\"" : v));
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(json.append('}').toString()).build();
    }

    private static MockResponse error(int status, String error, String description) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}").build();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
