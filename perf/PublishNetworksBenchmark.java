import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.publishing.networks.facebook.FakeFacebook;
import io.flightdeck.publishing.networks.instagram.FakeInstagram;
import io.flightdeck.publishing.networks.linkedin.FakeLinkedIn;
import io.flightdeck.publishing.networks.tiktok.FakeTikTok;
import io.flightdeck.support.SampleVideos;

/**
 * The five networks' publishing benchmark (issue 50), run by perf/publish-networks-bench.sh on the test classpath:
 * this JVM serves the fakes of X, LinkedIn, Facebook Pages, Instagram and TikTok on fixed ports (the app, started by
 * the script once the fakes answer, is pointed at them), connects one account per network through its sign-in flow as
 * NetworkCrashTests does, schedules WARMUP + POSTS posts two days ahead spread evenly over the five accounts (text on
 * X, LinkedIn and Facebook; one image on Instagram; one small video on TikTok; both uploaded once), then moves the
 * warm-up posts, and after them the POSTS others, to one instant (as PublishBenchmark moves them) and times the burst
 * to its last published post. Each fake must then hold every post exactly once, with no request off its documented
 * shape. The script measures db-scheduler's no-op floor after this JVM ends.
 * <p>
 * Two fake settings make them answer at once: TikTok finishes processing at the first status check after the last
 * chunk (processingPolls 0), and Instagram's daily publishing limit (100) is lifted. Each server's recorded requests
 * are drained, so that 5,000 posts' bodies (TikTok's video chunks) are not kept. Instagram fetches image_url itself,
 * so the wrapper here fetches it from the app before Instagram's fake reads it, as the network would.
 * <p>
 * The fakes are {@link NetworkFakes}; the moves, waits and figures {@link PublishBursts}.
 * <p>
 * Arguments: baseUrl jdbcUrl user password outDir posts warmup firstPort tiktokPosts tiktokWarmup
 */
public class PublishNetworksBenchmark {

    static final List<String> NETWORKS = List.of("x", "linkedin", "facebook", "instagram", "tiktok");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static String baseUrl;
    static String token;

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) { // the servers' threads would keep the JVM alive
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        baseUrl = args[0];
        Path out = Path.of(args[4]);
        int posts = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        int port = Integer.parseInt(args[7]);
        int onTikTok = Integer.parseInt(args[8]);
        int warmTikTok = Integer.parseInt(args[9]);
        NetworkFakes fakes = new NetworkFakes(baseUrl, port);
        // the app's arguments that point it at the fakes, one a line: the script starts the app once this file is there
        Files.write(out.resolve("fakes-ready"), NetworkFakes.properties(port));
        log("fakes on ports " + port + "-" + (port + 4) + "; waiting for the app at " + baseUrl);
        awaitReady(Duration.ofMinutes(10));

        String email = "bench-networks-" + System.currentTimeMillis() + "@example.com";
        String password = "bench-password-1";
        token = JsonPath.read(send("POST", "/api/v1/auth/signup", "application/json", """
                {"workspaceName":"Five networks","displayName":"Bench Owner","email":"%s","password":"%s",
                 "timeZone":"UTC"}""".formatted(email, password), 201), "$.accessToken");
        String workspace = JsonPath.read(send("GET", "/api/v1/me", null, null, 200), "$.workspaceId");
        String campaign = launchedCampaign();
        HttpClient browser = signedIn(email, password);
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("x", connect(browser, "x", null, null));
        accounts.put("linkedin", connect(browser, "linkedin", null, FakeLinkedIn.MEMBER));
        accounts.put("facebook", connect(browser, "facebook", null, FakeFacebook.PAGE_ID));
        accounts.put("instagram", connect(browser, "instagram", FakeInstagram.CODE, null));
        accounts.put("tiktok", connect(browser, "tiktok", FakeTikTok.CODE, null));
        log("connected through the sign-in flows: " + accounts.keySet());
        String image = upload("photo.jpg", "image/jpeg", jpeg());
        Path clip = SampleVideos.mp4(out.resolve("clip.mp4"), 360, 640, 10, 3);
        String video = upload("clip.mp4", "video/mp4", Files.readAllBytes(clip));
        log("assets uploaded once: an image and a " + Files.size(clip) / 1024 + " KiB video");

        Map<String, Integer> warmShare = share(warmup, warmTikTok);
        Map<String, Integer> burstShare = share(posts, onTikTok);
        Map<String, Integer> totals = new LinkedHashMap<>();
        NETWORKS.forEach(n -> totals.put(n, warmShare.get(n) + burstShare.get(n)));
        log("posts per network, warm-up " + warmShare + ", burst " + burstShare);
        int total = posts + warmup;
        Instant t = Instant.now();
        schedule(campaign, accounts, totals, image, video);
        log(String.format("scheduled %d posts in %.1f s (%.0f posts/s through the API)", total, secs(t),
                total / secs(t)));

        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            PublishBursts bursts = new PublishBursts(db);
            List<String[]> all = bursts.posts(workspace);
            List<String> warm = new ArrayList<>();
            List<String> burst = new ArrayList<>();
            Map<String, AtomicInteger> seen = new LinkedHashMap<>();
            for (String[] p : all) { // each network's first posts warm up; the rest is the burst
                int n = seen.computeIfAbsent(p[1], k -> new AtomicInteger()).getAndIncrement();
                (n < warmShare.get(p[1]) ? warm : burst).add(p[0]);
            }
            if (warmup > 0) {
                Instant at = Instant.now().plusSeconds(3);
                log("warm-up: " + warm.size() + " posts due at " + at);
                bursts.move(warm, at);
                Instant done = bursts.awaitPublished(warm, Duration.ofMinutes(15));
                log(String.format("warm-up published in %.2f s", Duration.between(at, done).toNanos() / 1e9));
            }
            Instant at = Instant.now().plusSeconds(3);
            log("burst: " + burst.size() + " posts due at " + at + "; load average " + loadAverage());
            bursts.move(burst, at);
            Files.writeString(out.resolve("burst-started"), at + "\n");
            Instant done = bursts.awaitPublished(burst, Duration.ofMinutes(30));
            double seconds = Duration.between(at, done).toNanos() / 1e9;
            Files.deleteIfExists(out.resolve("burst-started"));
            String rate = String.format("throughput: %d posts due at once on five networks published in %.2f s = "
                    + "%.1f posts/s", burst.size(), seconds, burst.size() / seconds);
            log(rate + "; load average " + loadAverage());
            String lateness = "lateness (attempt start - due), the burst: " + bursts.lateness(burst);
            log(lateness);
            List<String> perNetwork = bursts.perNetwork(burst, at);
            perNetwork.forEach(PublishNetworksBenchmark::log);
            String held = fakes.check(totals);
            log(held);
            Files.writeString(out.resolve("app.txt"), rate + "\n" + lateness + "\n" + String.join("\n", perNetwork)
                    + "\n" + held + "\n");
            Files.writeString(out.resolve("rate.txt"), String.format("%.2f%n", burst.size() / seconds));
        }
        fakes.stop();
    }

    /** Every scope off, as PublishBenchmark has them: no approval stands between a post and its time. */
    static String launchedCampaign() throws Exception {
        List<String> scopes = JsonPath.read(send("GET", "/api/v1/approval-scopes", null, null, 200), "$[*].key");
        for (String scope : scopes) {
            send("PUT", "/api/v1/approval-scopes/" + scope, "application/json", "{\"enabled\":false}", 200);
        }
        String campaign = JsonPath.read(send("POST", "/api/v1/campaigns", "application/json", """
                {"name":"Five networks","description":"Posts on every network at once","type":"PRODUCT_LAUNCH",
                 "priority":"HIGH","channels":["TWITTER","LINKEDIN","FACEBOOK","INSTAGRAM","TIKTOK"],
                 "startDate":"2030-03-01","endDate":"2030-04-30","budget":{"amount":100.00,"currency":"EUR"}}""",
                201), "$.id");
        for (String step : List.of("plan", "mark-ready")) {
            send("POST", "/api/v1/campaigns/" + campaign + "/" + step, "application/json", "{}", 200);
        }
        send("POST", "/api/v1/campaigns/" + campaign + "/launch", "application/json", "{\"confirm\":true}", 200);
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            String current = JsonPath.read(send("GET", "/api/v1/campaigns/" + campaign + "/workflow", null, null, 200),
                    "$.current");
            if (current != null && List.of("PUBLISH", "MONITOR").contains(current)) {
                return campaign;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the campaign's workflow never reached PUBLISH");
    }

    /**
     * {@code tiktok} posts on TikTok and the rest evenly over the other four. TikTok lets one creator's token start
     * six uploads a minute (its fake answers 429 beyond that), so its share is set apart; see the script.
     */
    static Map<String, Integer> share(int posts, int tiktok) {
        Map<String, Integer> share = new LinkedHashMap<>();
        List<String> others = NETWORKS.subList(0, NETWORKS.size() - 1);
        for (int i = 0; i < others.size(); i++) {
            share.put(others.get(i), (posts - tiktok) / others.size() + (i < (posts - tiktok) % others.size() ? 1 : 0));
        }
        share.put("tiktok", tiktok);
        return share;
    }

    /** Round robin over the networks: CSV batches of 1,000 for all but TikTok, one by one there (its privacy level). */
    static void schedule(String campaign, Map<String, String> accounts, Map<String, Integer> totals, String image,
            String video) throws Exception {
        String later = Instant.now().plus(Duration.ofDays(2)).toString();
        Map<String, Integer> left = new LinkedHashMap<>(totals);
        StringBuilder csv = new StringBuilder();
        int rows = 0;
        for (int i = 0; left.values().stream().anyMatch(n -> n > 0); i++) {
            String network = NETWORKS.get(i % NETWORKS.size());
            if (left.get(network) == 0) {
                continue;
            }
            left.merge(network, -1, Integer::sum);
            String text = "Bench post " + i + " on " + network;
            if (network.equals("tiktok")) {
                send("POST", "/api/v1/social/schedule-multi-platform", "application/json", """
                        {"campaignId":"%s","text":"%s","at":"%s","mediaAssetIds":["%s"],"targets":[
                          {"accountId":"%s","networkOptions":{"privacy":"PUBLIC_TO_EVERYONE"}}]}"""
                        .formatted(campaign, text, later, video, accounts.get("tiktok")), 201);
                continue;
            }
            csv.append(accounts.get(network)).append(',').append(later).append(',').append(text).append(',')
                    .append(network.equals("instagram") ? image : "").append('\n');
            if (++rows == 1_000) {
                send("POST", "/api/v1/social/batch?campaignId=" + campaign, "text/csv", "account,at,text,media\n" + csv,
                        201);
                csv.setLength(0);
                rows = 0;
            }
        }
        if (rows > 0) {
            send("POST", "/api/v1/social/batch?campaignId=" + campaign, "text/csv", "account,at,text,media\n" + csv,
                    201);
        }
    }

    /** A browser's session in the application, signed in through the sign-in form. */
    static HttpClient signedIn(String email, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in form");
        }
        String form = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return browser;
    }

    /** As NetworkCrashTests connects: the API starts it, the network's dialog (or its one code) grants a code. */
    static String connect(HttpClient browser, String network, String fixedCode, String pick) throws Exception {
        String started = send("POST", "/api/v1/channels/connect", "application/json", """
                {"network":"%s","timeZone":"UTC"}""".formatted(network), 201);
        URI authorization = URI.create(JsonPath.read(started, "$.authorizationUrl"));
        String state = query(authorization, "state");
        String code = fixedCode;
        if (code == null) {
            HttpResponse<Void> granted = HTTP.send(HttpRequest.newBuilder(authorization).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (granted.statusCode() != 302) {
                throw new IllegalStateException(network + "'s sign-in dialog answered " + granted.statusCode());
            }
            code = query(URI.create(granted.headers().firstValue("Location").orElseThrow()), "code");
        }
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(baseUrl + "/channels/oauth/"
                + network + "/callback?code=" + encode(code) + "&state=" + encode(state))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (back.statusCode() != 302) {
            throw new IllegalStateException(network + "'s callback answered " + back.statusCode() + ": " + back.body());
        }
        if (pick != null) {
            String choice = back.headers().firstValue("Location").orElseThrow();
            send("POST", "/api/v1/channels/connect/" + choice.substring(choice.lastIndexOf('/') + 1) + "/accounts",
                    "application/json", "{\"externalIds\":[\"" + pick + "\"]}", 200);
        }
        List<String> ids = JsonPath.read(send("GET", "/api/v1/channels", null, null, 200),
                "$[?(@.network == '" + network + "')].id");
        if (ids.size() != 1) {
            throw new IllegalStateException(ids.size() + " accounts connected on " + network);
        }
        return ids.get(0);
    }

    static String upload(String name, String type, byte[] file) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/campaign-assets/assets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload of " + name + " answered " + r.statusCode() + ": " + r.body());
        }
        return JsonPath.read(r.body(), "$.asset.id");
    }

    /** A 1080×1080 JPEG, square as Instagram's feed takes it. */
    static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 40, 120), 1080, 1080, new Color(240, 180, 60)));
        g.fillRect(0, 0, 1080, 1080);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", bytes);
        return bytes.toByteArray();
    }

    static void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the app is still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app was not ready within " + timeout);
    }

    static String send(String method, String path, String type, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(300));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + uri);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String loadAverage() throws Exception {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    static double secs(Instant since) {
        return Duration.between(since, Instant.now()).toNanos() / 1e9;
    }

    static void log(String message) {
        System.out.println("[" + Instant.now() + "] " + message);
    }
}
