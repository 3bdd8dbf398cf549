package io.flightdeck.publishing;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import io.flightdeck.publishing.channels.FakeAuthorizationServer;
import io.flightdeck.publishing.networks.facebook.FakeFacebook;
import io.flightdeck.publishing.networks.instagram.FakeInstagram;
import io.flightdeck.publishing.networks.linkedin.FakeLinkedIn;
import io.flightdeck.publishing.networks.tiktok.FakeTikTok;
import io.flightdeck.publishing.networks.x.FakeX;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * X's, LinkedIn's and Facebook's authorisation servers and APIs as one local fake for the run, TikTok and Instagram
 * each on a server of its own, as the networks' addresses of the shared test context ({@code FlightdeckTest} imports
 * this): only a person who connects an account of these networks reaches them ({@code ChannelConnectTests},
 * {@code NetworkChoicesTests}, {@code NetworksJourneyBrowserTests}), so no other test meets them, and those tests need
 * no context of their own. Links are made under the address each request came in on, {@code http://localhost} in
 * MockMvc, so the fakes expect their callbacks there; a browser test sets its own address and puts it back. The
 * servers stop with the JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NetworkOAuthFakes {

    public static final String CALLBACK = "http://localhost/channels/oauth/x/callback";
    public static final MockWebServer SERVER = new MockWebServer();
    public static final FakeAuthorizationServer AUTH = new FakeAuthorizationServer("/i/oauth2/authorize",
            "/2/oauth2/token", "fd-client", "fd-secret", true, true, CALLBACK,
            Set.of("tweet.read", "tweet.write", "users.read", "offline.access"));

    public static final String LINKEDIN_CALLBACK = "http://localhost/channels/oauth/linkedin/callback";
    /** LinkedIn's web flow: no PKCE, the client's id and secret in the token request's form. */
    public static final FakeAuthorizationServer LINKEDIN_AUTH = new FakeAuthorizationServer("/oauth/v2/authorization",
            "/oauth/v2/accessToken", "li-client", "li-secret", false, false, LINKEDIN_CALLBACK,
            Set.of("openid", "profile", "w_member_social", "w_organization_social"));
    public static final FakeLinkedIn LINKEDIN = new FakeLinkedIn(java.time.Clock.systemUTC());
    /** Facebook Login (a GET code exchange, the long-lived trade) and the Graph API's Pages, every host on this server. */
    public static final FakeFacebook FACEBOOK = new FakeFacebook(java.time.Clock.systemUTC());
    /** TikTok on its own server: its paths are TikTok's, not the other fakes'. Unaudited, as an app starts out. */
    public static final FakeTikTok TIKTOK = new FakeTikTok(java.time.Clock.systemUTC());
    public static final MockWebServer TIKTOK_SERVER;
    /** X's API beyond the signed-in user, taking the tokens {@link #AUTH} handed out. */
    public static final FakeX X = new FakeX(java.time.Clock.systemUTC());
    /** Instagram (API with Instagram Login) on its own server: its paths would meet Facebook's and LinkedIn's. */
    public static final FakeInstagram INSTAGRAM = new FakeInstagram(java.time.Clock.systemUTC());
    public static final MockWebServer INSTAGRAM_SERVER;

    static {
        LINKEDIN_AUTH.fixedAccessToken = FakeLinkedIn.TOKEN;
        LINKEDIN_AUTH.issueRefreshTokens = false;
        LINKEDIN_AUTH.expiresIn = Duration.ofDays(60).toSeconds();
        X.accepts = token -> AUTH.accessTokens.contains(token);
        X.processingChecks = 0;
        INSTAGRAM.redirect = "http://localhost/channels/oauth/instagram/callback";
        SERVER.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (AUTH.handles(request)) {
                    return AUTH.dispatch(request);
                }
                if (LINKEDIN_AUTH.handles(request)) {
                    return LINKEDIN_AUTH.dispatch(request);
                }
                if (request.getUrl().encodedPath().startsWith("/" + FakeFacebook.VERSION + "/")
                        || request.getUrl().encodedPath().startsWith("/video-upload/")) {
                    return FACEBOOK.dispatch(request);
                }
                if (!request.getUrl().encodedPath().startsWith("/2/")) {
                    return LINKEDIN.dispatch(request);
                }
                String authorization = request.getHeaders().get("Authorization");
                if ("/2/users/me".equals(request.getUrl().encodedPath()) && authorization != null
                        && AUTH.accessTokens.contains(authorization.replace("Bearer ", ""))) {
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body("{\"data\":{\"id\":\"2244994945\",\"name\":\"Roastery\",\"username\":\"roastery\"}}")
                            .build();
                }
                if (!"/2/users/me".equals(request.getUrl().encodedPath())) {
                    return X.dispatch(request);
                }
                return new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                        .body("{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")
                        .build();
            }
        });
        try {
            SERVER.start();
            TIKTOK_SERVER = FakeTikTok.serve(TIKTOK, 0);
            INSTAGRAM_SERVER = INSTAGRAM.serve(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    DynamicPropertyRegistrar networkOAuthAddresses() {
        return registry -> {
            String base = "http://localhost:" + SERVER.getPort();
            registry.add("flightdeck.publishing.x.client-id", () -> "fd-client");
            registry.add("flightdeck.publishing.x.client-secret", () -> "fd-secret");
            registry.add("flightdeck.publishing.x.api-url", () -> base);
            registry.add("flightdeck.publishing.x.authorize-url", () -> base + "/i/oauth2/authorize");
            registry.add("flightdeck.publishing.linkedin.client-id", () -> "li-client");
            registry.add("flightdeck.publishing.linkedin.client-secret", () -> "li-secret");
            registry.add("flightdeck.publishing.linkedin.api-url", () -> base);
            registry.add("flightdeck.publishing.linkedin.auth-url", () -> base + "/oauth/v2");
            registry.add("flightdeck.publishing.facebook.app-id", () -> FakeFacebook.APP_ID);
            registry.add("flightdeck.publishing.facebook.app-secret", () -> FakeFacebook.APP_SECRET);
            registry.add("flightdeck.publishing.facebook.webhook-verify-token", () -> FakeFacebook.VERIFY_TOKEN);
            String tiktok = "http://localhost:" + TIKTOK_SERVER.getPort();
            registry.add("flightdeck.publishing.tiktok.client-id", () -> FakeTikTok.CLIENT_KEY);
            registry.add("flightdeck.publishing.tiktok.client-secret", () -> FakeTikTok.CLIENT_SECRET);
            registry.add("flightdeck.publishing.tiktok.api-url", () -> tiktok);
            registry.add("flightdeck.publishing.tiktok.web-url", () -> tiktok);
            for (String host : new String[] {"graph-url", "video-url", "rupload-url", "web-url"}) {
                registry.add("flightdeck.publishing.facebook." + host, () -> base);
            }
            String instagram = "http://localhost:" + INSTAGRAM_SERVER.getPort();
            registry.add("flightdeck.publishing.instagram.client-id", () -> FakeInstagram.APP_ID);
            registry.add("flightdeck.publishing.instagram.client-secret", () -> FakeInstagram.APP_SECRET);
            for (String host : new String[] {"graph-url", "api-url", "authorize-url", "upload-url"}) {
                registry.add("flightdeck.publishing.instagram." + host, () -> instagram);
            }
            // the fake finishes a container at the first question; no need to wait seconds before asking
            registry.add("flightdeck.publishing.instagram.poll-interval", () -> "PT0.2S");
        };
    }
}
