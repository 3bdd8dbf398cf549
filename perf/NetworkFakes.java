import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

/**
 * The five networks' fakes on fixed local ports, from {@code port} on: X (with its OAuth server), LinkedIn (with its
 * OAuth server), Facebook, Instagram and TikTok, as NetworkOAuthFakes and NetworkCrashTests set them up, with the
 * redirect addresses of the app at {@code app}. What each checks is theirs; here only: TikTok finishes processing at
 * the first status check after the last chunk, Instagram's daily publishing limit is lifted, and every server's
 * recorded requests are drained (MockWebServer would keep each request with its body until taken).
 */
final class NetworkFakes {

    final FakeX x = new FakeX(Clock.systemUTC());
    final FakeAuthorizationServer xAuth;
    final FakeLinkedIn linkedIn = new FakeLinkedIn(Clock.systemUTC());
    final FakeAuthorizationServer linkedInAuth;
    final FakeFacebook facebook = new FakeFacebook(Clock.systemUTC());
    final FakeInstagram instagram = new FakeInstagram(Clock.systemUTC());
    final FakeTikTok tiktok = new FakeTikTok(Clock.systemUTC());
    private final List<MockWebServer> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile byte[] lastImage = new byte[0];

    NetworkFakes(String app, int port) throws IOException {
        xAuth = new FakeAuthorizationServer("/i/oauth2/authorize", "/2/oauth2/token", "fd-client", "fd-secret", true,
                true, app + "/channels/oauth/x/callback",
                Set.of("tweet.read", "tweet.write", "users.read", "offline.access"));
        xAuth.fixedAccessToken = FakeX.TOKEN;
        linkedInAuth = new FakeAuthorizationServer("/oauth/v2/authorization", "/oauth/v2/accessToken", "li-client",
                "li-secret", false, false, app + "/channels/oauth/linkedin/callback",
                Set.of("openid", "profile", "w_member_social", "w_organization_social"));
        linkedInAuth.fixedAccessToken = FakeLinkedIn.TOKEN;
        linkedInAuth.issueRefreshTokens = false;
        linkedInAuth.expiresIn = Duration.ofDays(60).toSeconds();
        linkedIn.at("http://localhost:" + (port + 1));
        facebook.redirectUri = app + "/channels/oauth/facebook/callback";
        instagram.redirect = app + "/channels/oauth/instagram/callback";
        instagram.quotaTotal = Integer.MAX_VALUE;
        tiktok.clientAudited = true;
        tiktok.processingPolls = 0;
        serve(port, r -> xAuth.handles(r) ? xAuth.dispatch(r) : x.dispatch(r));
        serve(port + 1, r -> linkedInAuth.handles(r) ? linkedInAuth.dispatch(r) : linkedIn.dispatch(r));
        serve(port + 2, facebook::dispatch);
        serve(port + 3, this::instagram);
        serve(port + 4, tiktok::dispatch);
    }

    /** The app's properties that point it at these fakes (the script passes them as arguments). */
    static List<String> properties(int port) {
        String x = "http://localhost:" + port;
        String li = "http://localhost:" + (port + 1);
        String fb = "http://localhost:" + (port + 2);
        String ig = "http://localhost:" + (port + 3);
        String tt = "http://localhost:" + (port + 4);
        List<String> p = new ArrayList<>(List.of("x.client-id=fd-client", "x.client-secret=fd-secret",
                "x.api-url=" + x, "x.authorize-url=" + x + "/i/oauth2/authorize",
                "linkedin.client-id=li-client", "linkedin.client-secret=li-secret", "linkedin.api-url=" + li,
                "linkedin.auth-url=" + li + "/oauth/v2",
                "facebook.app-id=" + FakeFacebook.APP_ID, "facebook.app-secret=" + FakeFacebook.APP_SECRET,
                "instagram.client-id=" + FakeInstagram.APP_ID, "instagram.client-secret=" + FakeInstagram.APP_SECRET,
                "tiktok.client-id=" + FakeTikTok.CLIENT_KEY, "tiktok.client-secret=" + FakeTikTok.CLIENT_SECRET,
                "tiktok.api-url=" + tt, "tiktok.web-url=" + tt, "tiktok.audited=true"));
        for (String host : List.of("graph-url", "video-url", "rupload-url", "web-url")) {
            p.add("facebook." + host + "=" + fb);
        }
        for (String host : List.of("graph-url", "api-url", "authorize-url", "upload-url")) {
            p.add("instagram." + host + "=" + ig);
        }
        return p.stream().map(s -> "--flightdeck.publishing." + s).toList();
    }

    /** Each fake's count of the posts it holds against {@code expected}, and every request it found off shape. */
    String check(Map<String, Integer> expected) {
        List<String> lines = new ArrayList<>();
        boolean once = true;
        once &= held(lines, "x", x.created.stream().map(t -> t.text).toList(), expected, x.created.size());
        once &= held(lines, "linkedin", linkedIn.posts.stream().map(FakeLinkedIn.Post::commentary).toList(), expected,
                linkedIn.posts.size());
        once &= held(lines, "facebook", facebook.posts.stream().map(p -> p.message).toList(), expected,
                facebook.posts.size());
        once &= held(lines, "instagram", instagram.media.stream().map(FakeInstagram.Media::caption).toList(), expected,
                instagram.calls(FakeInstagram.Route.PUBLISH));
        once &= held(lines, "tiktok", tiktok.published().stream().map(p -> p.postInfo.path("title").asString(""))
                .toList(), expected, tiktok.inits());
        List<String> violations = new ArrayList<>();
        for (Collection<String> v : List.of(x.violations, xAuth.violations, linkedIn.violations,
                linkedInAuth.violations, facebook.violations, instagram.violations, tiktok.violations)) {
            violations.addAll(v);
        }
        once &= violations.isEmpty();
        return "on the fakes (expected " + expected + "): " + String.join("; ", lines) + "; requests off "
                + "the documented shape: " + violations.size() + (violations.isEmpty() ? "" : " " + violations)
                + " => " + (once ? "EACH PUBLISHED EXACTLY ONCE" : "NOT EXACTLY ONCE");
    }

    private static boolean held(List<String> lines, String network, List<String> texts, Map<String, Integer> all,
            long steps) {
        int expected = all.get(network);
        long distinct = texts.stream().distinct().count();
        lines.add(network + " " + texts.size() + " held, " + distinct + " distinct, " + steps + " creating calls");
        return texts.size() == expected && distinct == expected && steps == expected;
    }

    void stop() throws IOException {
        for (MockWebServer server : servers) {
            server.close();
        }
    }

    /**
     * Instagram fetches a container's image_url itself; the fake reads the bytes from its hosted files, so they are
     * fetched from the app first. The same image is kept once, whatever its signed address.
     */
    private MockResponse instagram(RecordedRequest request) throws InterruptedException {
        String url = request.getUrl().queryParameter("image_url");
        if (url == null && request.getBody() != null && request.getBody().size() > 0) {
            for (String pair : request.getBody().utf8().split("&")) {
                if (pair.startsWith("image_url=")) {
                    url = URLDecoder.decode(pair.substring("image_url=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        if (url != null) {
            try {
                byte[] bytes = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                if (!Arrays.equals(bytes, lastImage)) {
                    lastImage = bytes;
                }
                instagram.host(URI.create(url).getPath(), lastImage);
            } catch (IOException e) {
                // not hosted: the fake answers as Instagram does when it cannot download the media
            }
        }
        return instagram.dispatch(request);
    }

    private void serve(int port, Answer answer) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer.apply(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), port);
        servers.add(server);
        Thread drain = new Thread(() -> {
            try {
                while (true) {
                    server.takeRequest();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "drain-" + port);
        drain.setDaemon(true);
        drain.start();
    }

    private interface Answer {
        MockResponse apply(RecordedRequest request) throws InterruptedException;
    }
}
