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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.assets.media.MediaSamples;
import io.flightdeck.publishing.networks.tiktok.FakeTikTok;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.TestWorkspaces;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At most once on each real network when the application dies at the one step of a publish that can duplicate. The
 * application runs as its own JVM against the networks' fakes in this JVM, with an account connected through each
 * network's real sign-in flow; a post with a video goes to each, and each fake is told to hold its answer to the step
 * that can duplicate after doing the work (TikTok: the last chunk is in and the video published). With every network
 * holding, the JVM gets SIGKILL; a new one on the same database finds the posts mid-attempt, asks each network about
 * exactly what it recorded before that step (TikTok's {@code publish_id}), and records each post published, once: no
 * network holds a second copy, and nothing was started again.
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
        Path video = MediaSamples.mp4(Files.createDirectories(dir.resolve("network-crash-media-" + run))
                .resolve("clip.mp4"), 360, 640, 10, 3);
        FakeTikTok tiktok = new FakeTikTok(Clock.systemUTC());
        tiktok.clientAudited = true;
        tiktok.hold = new CountDownLatch(1);
        String email = "network-crash-" + run + "@example.com";
        String campaign;
        String channelPost;
        try (MockWebServer tiktokServer = FakeTikTok.serve(tiktok, 0)) {
            String tiktokUrl = "http://localhost:" + tiktokServer.getPort();
            String[] properties = {"flightdeck.data-dir=" + dir.resolve("network-crash-data-" + run).toAbsolutePath(),
                    "flightdeck.publishing.minimum-gap=PT0S",
                    "flightdeck.publishing.tiktok.client-id=" + FakeTikTok.CLIENT_KEY,
                    "flightdeck.publishing.tiktok.client-secret=" + FakeTikTok.CLIENT_SECRET,
                    "flightdeck.publishing.tiktok.api-url=" + tiktokUrl,
                    "flightdeck.publishing.tiktok.web-url=" + tiktokUrl,
                    "flightdeck.publishing.tiktok.poll-every=PT1S", "flightdeck.publishing.tiktok.audited=true"};
            try (ForkedApp first = ForkedApp.start(database, properties)) {
                String token = JsonPath.read(ok(first.send("POST", "/api/v1/auth/signup", null, """
                        {"workspaceName":"Networks","displayName":"Nia Net","email":"%s","password":"%s","timeZone":"UTC"}"""
                        .formatted(email, TestWorkspaces.PASSWORD)), 201), "$.accessToken");
                campaign = launchedCampaign(first, token);
                String account = connect(first, token, email, "tiktok", FakeTikTok.CODE);
                String asset = JsonPath.read(ok(uploadVideo(first, token, video), 201), "$.asset.id");
                channelPost = JsonPath.read(ok(first.send("POST", "/api/v1/social/schedule", token, """
                        {"campaignId":"%s","accountId":"%s","text":"Roasting day","at":"%s","mediaAssetIds":["%s"],
                         "networkOptions":{"privacy":"PUBLIC_TO_EVERYONE"}}"""
                        .formatted(campaign, account, Instant.now(), asset)), 201), "$.channels[0].id");

                assertThat(tiktok.holding.await(90, TimeUnit.SECONDS)).as("TikTok reached its hold").isTrue();
                assertThat(tiktok.published()).as("on TikTok at the kill").hasSize(1);
                assertThat(status(first, token, channelPost)).isEqualTo("PUBLISHING");
                first.kill();
            } finally {
                tiktok.hold.countDown(); // the held answer goes to a dead JVM
            }

            try (ForkedApp second = ForkedApp.start(database, properties)) {
                String token = JsonPath.read(ok(second.send("POST", "/api/v1/auth/token", null, """
                        {"email":"%s","password":"%s"}""".formatted(email, TestWorkspaces.PASSWORD)), 200),
                        "$.accessToken");
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> !status(second, token, channelPost).equals("PUBLISHING"));
                String answer = ok(second.send("GET", "/api/v1/social/channel-posts/" + channelPost, token, null), 200);
                assertThat(JsonPath.<String>read(answer, "$.status")).isEqualTo("PUBLISHED");
                assertThat(JsonPath.<List<String>>read(answer, "$.log[*].message"))
                        .anyMatch(line -> line.startsWith("The network named this attempt "))
                        .anyMatch(line -> line.equals("Found the interrupted attempt on the network"));
                second.kill();
            }
            // TikTok holds the video once, and was asked to start a publish once
            assertThat(tiktok.published()).hasSize(1);
            assertThat(tiktok.inits()).isEqualTo(1);
            assertThat(tiktok.violations).isEmpty();
        }
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

    /**
     * Connects the network's account as a person would: the API starts the connection, the network (its fake) grants
     * a code, and the browser's return to the callback page, signed in, completes it.
     */
    private static String connect(ForkedApp app, String token, String email, String network, String code)
            throws Exception {
        String started = ok(app.send("POST", "/api/v1/channels/connect", token, """
                {"network":"%s","timeZone":"UTC"}""".formatted(network)), 201);
        String authorization = JsonPath.read(started, "$.authorizationUrl");
        String state = query(URI.create(authorization), "state");
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
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(app.url("/channels/oauth/"
                + network + "/callback?code=" + encode(code) + "&state=" + encode(state)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).as("the callback page").isEqualTo(302);
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

    private static String status(ForkedApp app, String token, String channelPost) throws Exception {
        return JsonPath.read(ok(app.send("GET", "/api/v1/social/channel-posts/" + channelPost, token, null), 200),
                "$.status");
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
