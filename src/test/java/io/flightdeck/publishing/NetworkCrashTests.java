package io.flightdeck.publishing;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.publishing.networks.facebook.FakeFacebook;
import io.flightdeck.publishing.networks.instagram.FakeInstagram;
import io.flightdeck.publishing.networks.tiktok.FakeTikTok;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.SampleVideos;
import io.flightdeck.support.TestWorkspaces;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At most once on each real network when the application dies at the one step of a publish that can duplicate. The
 * application runs as its own JVM against the networks' fakes in this JVM, with an account connected through each
 * network's real sign-in flow; one post with a video goes to TikTok, to Instagram as a Reel and to a Facebook Page,
 * and each fake holds its answer to the step that can duplicate after doing the work (TikTok: the last chunk is in and
 * the video published; Instagram: {@code media_publish}; Facebook: the video's finish). With every network holding,
 * the JVM gets SIGKILL; a new one on the same database finds the posts mid-attempt, asks each network about exactly
 * what it recorded before that step (TikTok's {@code publish_id}, Instagram's container, Facebook's video id), and
 * records each post published, once: no network holds a second copy, and no step that can duplicate was taken again.
 * <p>
 * One fork pair for every network, as {@code PublishingCrashTests} has one for every boundary: a kill costs a JVM
 * start, the suite's dearest item.
 */
class NetworkCrashTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Test
    void aKillAtEachNetworksDuplicatingStepPublishesEachPostOnce() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "forked-apps"));
        String run = UUID.randomUUID().toString();
        Path database = dir.resolve("network-crash-" + run);
        Path video = SampleVideos.mp4(Files.createDirectories(dir.resolve("network-crash-media-" + run))
                .resolve("clip.mp4"), 360, 640, 10, 4);
        FakeTikTok tiktok = new FakeTikTok(Clock.systemUTC());
        tiktok.clientAudited = true;
        FakeInstagram instagram = new FakeInstagram(Clock.systemUTC());
        FakeFacebook facebook = new FakeFacebook(Clock.systemUTC());
        CountDownLatch release = new CountDownLatch(1);
        tiktok.hold = release;
        instagram.hold = release;
        facebook.hold = release;
        String email = "network-crash-" + run + "@example.com";
        String post;
        try (MockWebServer tiktokServer = FakeTikTok.serve(tiktok, 0);
                MockWebServer instagramServer = instagram.serve(0);
                MockWebServer facebookServer = new MockWebServer()) {
            facebookServer.setDispatcher(facebook);
            facebookServer.start();
            String[] properties = properties(dir, run, "http://localhost:" + tiktokServer.getPort(),
                    "http://localhost:" + instagramServer.getPort(), "http://localhost:" + facebookServer.getPort());
            try (ForkedApp first = ForkedApp.start(database, properties)) {
                String token = JsonPath.read(ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Networks","displayName":"Nia Net","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                String campaign = launchedCampaign(first, token);
                HttpClient browser = signedIn(first, email);
                instagram.redirect = first.url("/channels/oauth/instagram/callback");
                facebook.redirectUri = first.url("/channels/oauth/facebook/callback");
                String onTikTok = connect(first, token, browser, "tiktok", FakeTikTok.CODE, null);
                String onInstagram = connect(first, token, browser, "instagram", FakeInstagram.CODE, null);
                String onFacebook = connect(first, token, browser, "facebook", null, FakeFacebook.PAGE_ID);
                String asset = JsonPath.read(ok(uploadVideo(first, token, video), 201), "$.asset.id");
                String scheduled = ok(first.send("POST", "/api/v1/social/schedule-multi-platform", token, """
                        {"campaignId":"%s","text":"Roasting day","at":"%s","mediaAssetIds":["%s"],"targets":[
                          {"accountId":"%s","networkOptions":{"privacy":"PUBLIC_TO_EVERYONE"}},
                          {"accountId":"%s","networkOptions":{"format":"reel"}},
                          {"accountId":"%s"}]}"""
                        .formatted(campaign, Instant.now(), asset, onTikTok, onInstagram, onFacebook)), 201);
                post = JsonPath.read(scheduled, "$.id");

                // every network did the step that can duplicate and holds its answer
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                        tiktok.holding.getCount() == 0 && instagram.media.size() == 1 && !facebook.videos.isEmpty()
                                && facebook.videos.values().stream().allMatch(v -> v.publishing.equals("complete")));
                assertThat(JsonPath.<List<String>>read(ok(first.send("GET", "/api/v1/social/posts/" + post, token,
                        null), 200), "$.channels[*].status")).containsOnly("PUBLISHING");
                first.kill();
            } finally {
                release.countDown(); // the held answers go to a dead JVM
            }

            try (ForkedApp second = ForkedApp.start(database, properties)) {
                String token = JsonPath.read(ok(second.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200),
                        "$.accessToken");
                String path = "/api/v1/social/posts/" + post;
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                        JsonPath.<List<String>>read(ok(second.send("GET", path, token, null), 200),
                                "$.channels[*].status").stream().noneMatch("PUBLISHING"::equals));
                String answer = ok(second.send("GET", path, token, null), 200);
                assertThat(JsonPath.<List<String>>read(answer, "$.channels[*].status")).containsOnly("PUBLISHED");
                for (String network : List.of("tiktok", "instagram", "facebook")) {
                    assertThat(JsonPath.<List<String>>read(answer, "$.channels[?(@.network == '" + network
                            + "')].log[*].message")).as(network)
                            .anyMatch(line -> line.startsWith("The network named this attempt "))
                            .contains("Found the interrupted attempt on the network");
                }
                second.kill();
            }
            // each network holds the post once, and its step that can duplicate was taken once
            assertThat(tiktok.published()).hasSize(1);
            assertThat(tiktok.inits()).isEqualTo(1);
            assertThat(instagram.media).hasSize(1);
            assertThat(instagram.calls(FakeInstagram.Route.PUBLISH)).isEqualTo(1);
            assertThat(facebook.videos).hasSize(1);
            assertThat(facebook.creates).containsExactly("video-finish");
            assertThat(tiktok.violations).isEmpty();
            assertThat(instagram.violations).isEmpty();
            assertThat(facebook.violations).isEmpty();
        }
    }

    /** Each network's addresses at its fake, with waits short enough for a test. */
    private static String[] properties(Path dir, String run, String tiktok, String instagram, String facebook) {
        return new String[] {"flightdeck.data-dir=" + dir.resolve("network-crash-data-" + run).toAbsolutePath(),
                "flightdeck.publishing.minimum-gap=PT0S",
                "flightdeck.publishing.tiktok.client-id=" + FakeTikTok.CLIENT_KEY,
                "flightdeck.publishing.tiktok.client-secret=" + FakeTikTok.CLIENT_SECRET,
                "flightdeck.publishing.tiktok.api-url=" + tiktok, "flightdeck.publishing.tiktok.web-url=" + tiktok,
                "flightdeck.publishing.tiktok.poll-every=PT1S", "flightdeck.publishing.tiktok.audited=true",
                "flightdeck.publishing.instagram.client-id=" + FakeInstagram.APP_ID,
                "flightdeck.publishing.instagram.client-secret=" + FakeInstagram.APP_SECRET,
                "flightdeck.publishing.instagram.graph-url=" + instagram,
                "flightdeck.publishing.instagram.api-url=" + instagram,
                "flightdeck.publishing.instagram.authorize-url=" + instagram,
                "flightdeck.publishing.instagram.upload-url=" + instagram,
                "flightdeck.publishing.instagram.poll-interval=PT1S",
                "flightdeck.publishing.facebook.app-id=" + FakeFacebook.APP_ID,
                "flightdeck.publishing.facebook.app-secret=" + FakeFacebook.APP_SECRET,
                "flightdeck.publishing.facebook.graph-url=" + facebook,
                "flightdeck.publishing.facebook.video-url=" + facebook,
                "flightdeck.publishing.facebook.rupload-url=" + facebook,
                "flightdeck.publishing.facebook.web-url=" + facebook};
    }

    /** A launched campaign with no approval to wait for, past the workflow's first planning step. */
    private static String launchedCampaign(ForkedApp app, String token) throws Exception {
        List<String> scopes = JsonPath.read(ok(app.send("GET", "/api/v1/approval-scopes", token, null), 200), "$[*].key");
        for (String scope : scopes) {
            ok(app.send("PUT", "/api/v1/approval-scopes/" + scope, token, "{\"enabled\":false}"), 200);
        }
        String campaign = JsonPath.read(ok(app.send("POST", "/api/v1/campaigns", token, """
                {"name":"Network crash","description":"Posts that survive kill -9 on every network","type":"PRODUCT_LAUNCH",
                 "priority":"HIGH","channels":["TIKTOK","INSTAGRAM","FACEBOOK"],"startDate":"2030-03-01",
                 "endDate":"2030-04-30","budget":{"amount":100.00,"currency":"EUR"}}"""), 201), "$.id");
        ok(app.send("POST", "/api/v1/campaigns/" + campaign + "/plan", token, "{}"), 200);
        ok(app.send("POST", "/api/v1/campaigns/" + campaign + "/mark-ready", token, "{}"), 200);
        ok(app.send("POST", "/api/v1/campaigns/" + campaign + "/launch", token, "{\"confirm\":true}"), 200);
        String workflow = "/api/v1/campaigns/" + campaign + "/workflow";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String current = JsonPath.read(ok(app.send("GET", workflow, token, null), 200), "$.current");
            return current != null && List.of("PUBLISH", "MONITOR").contains(current);
        });
        return campaign;
    }

    /** A browser's session in the application, signed in through the sign-in form. */
    private static HttpClient signedIn(ForkedApp app, String email) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(app.url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
        String form = "email=" + encode(email) + "&password=" + encode(TestWorkspaces.PASSWORD) + "&_csrf="
                + encode(csrf.group(1));
        browser.send(HttpRequest.newBuilder(URI.create(app.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return browser;
    }

    /**
     * Connects the network's account as a person would: the API starts the connection, the network's sign-in (its
     * fake's dialog, or its one code when the fake has no dialog) grants a code, and the browser's return to the
     * callback page completes it, with the account picked when the sign-in offers several.
     */
    private static String connect(ForkedApp app, String token, HttpClient browser, String network, String fixedCode,
            String pick) throws Exception {
        String started = ok(app.send("POST", "/api/v1/channels/connect", token, """
                {"network":"%s","timeZone":"UTC"}""".formatted(network)), 201);
        URI authorization = URI.create(JsonPath.read(started, "$.authorizationUrl"));
        String state = query(authorization, "state");
        String code = fixedCode;
        if (code == null) {
            HttpResponse<Void> granted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorization).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(granted.statusCode()).as(network + "'s sign-in dialog").isEqualTo(302);
            code = query(URI.create(granted.headers().firstValue("Location").orElseThrow()), "code");
        }
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(app.url("/channels/oauth/"
                + network + "/callback?code=" + encode(code) + "&state=" + encode(state)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as("the callback page").isEqualTo(302);
        if (pick != null) {
            String choice = back.headers().firstValue("Location").orElseThrow();
            String requestId = choice.substring(choice.lastIndexOf('/') + 1);
            ok(app.send("POST", "/api/v1/channels/connect/" + requestId + "/accounts", token, """
                    {"externalIds":["%s"]}""".formatted(pick)), 200);
        }
        List<String> accounts = JsonPath.read(ok(app.send("GET", "/api/v1/channels", token, null), 200),
                "$[?(@.network == '" + network + "')].id");
        assertThat(accounts).as("connected on " + network).hasSize(1);
        return accounts.get(0);
    }

    private static HttpResponse<String> uploadVideo(ForkedApp app, String token, Path video) throws Exception {
        String boundary = "network-crash-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clip.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = Files.readAllBytes(video);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return app.send("POST", "/api/v1/campaign-assets/assets", token, "multipart/form-data; boundary=" + boundary,
                body);
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String ok(HttpResponse<String> response, int expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }
}
