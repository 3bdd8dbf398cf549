package io.flightdeck.rendering.remote;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replicate's predictions API as documented, for MockWebServer: it checks each request's shape (bearer token, JSON
 * body with an input and a prompt, the webhook fields) and answers as Replicate does — 201 with the prediction,
 * {@code starting}, then {@code processing} with tqdm logs, then {@code succeeded} with output URLs it also serves —
 * plus 401 for a wrong token, 422 for a body without input, and 429 with {@code Retry-After} when told to throttle.
 * A request that breaks the documented shape is answered 400 and recorded in {@link #violations}.
 */
public class FakeReplicate extends Dispatcher {

    public static final String TOKEN = "r8_test_token";

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Prediction> predictions = new ConcurrentHashMap<>();
    public final List<String> violations = new CopyOnWriteArrayList<>();
    public final List<JsonNode> created = new CopyOnWriteArrayList<>();
    public final AtomicInteger throttleNext = new AtomicInteger();
    /** How many polls a prediction answers "processing" before it succeeds. */
    public volatile int pollsUntilDone = 2;
    private final AtomicInteger ids = new AtomicInteger();
    /** Each fake's ids differ from another's: two fakes' jobs may share the test database. */
    private final String idSuffix = Long.toString(java.util.concurrent.ThreadLocalRandom.current()
            .nextLong(Long.MAX_VALUE), 36);
    private volatile String baseUrl = "";

    static final class Prediction {
        final String id;
        final JsonNode request;
        volatile int polls;
        volatile String status = "starting";

        Prediction(String id, JsonNode request) {
            this.id = id;
            this.request = request;
        }
    }

    /** Where the fake is reachable, for the output URLs it hands out. */
    public FakeReplicate at(String url) {
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return this;
    }

    public int creations() {
        return created.size();
    }

    /** A prediction's JSON as Replicate sends it, for webhooks. */
    public String predictionJson(String id) {
        return json.writeValueAsString(body(predictions.get(id)));
    }

    public void setStatus(String id, String status) {
        predictions.get(id).status = status;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/files/")) {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
                    .body(new Buffer().write(png(path))).build();
        }
        if (!("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return answer(401, "{\"title\":\"Unauthenticated\",\"detail\":\"You did not pass a valid authentication token\",\"status\":401}");
        }
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                    .addHeader("Retry-After", "1")
                    .body("{\"detail\":\"Request was throttled. Expected available in 1 second.\",\"status\":429}").build();
        }
        String method = request.getMethod();
        if ("POST".equals(method) && path.matches("/v1/models/[^/]+/[^/]+/predictions")) {
            return create(request);
        }
        if ("POST".equals(method) && path.equals("/v1/predictions")) {
            return create(request);
        }
        if ("GET".equals(method) && path.equals("/v1/predictions")) {
            return list(request);
        }
        if ("GET".equals(method) && path.startsWith("/v1/predictions/")) {
            Prediction p = predictions.get(path.substring("/v1/predictions/".length()));
            if (p == null) {
                return answer(404, "{\"detail\":\"Not found.\",\"status\":404}");
            }
            advance(p);
            return answer(200, json.writeValueAsString(body(p)));
        }
        if ("POST".equals(method) && path.matches("/v1/predictions/[^/]+/cancel")) {
            Prediction p = predictions.get(path.split("/")[3]);
            if (p == null) {
                return answer(404, "{\"detail\":\"Not found.\",\"status\":404}");
            }
            p.status = "canceled";
            return answer(200, json.writeValueAsString(body(p)));
        }
        violations.add(method + " " + path + " is not a Replicate endpoint");
        return answer(404, "{\"detail\":\"Not found.\",\"status\":404}");
    }

    private MockResponse create(RecordedRequest request) {
        JsonNode body;
        try {
            body = json.readTree(request.getBody().utf8());
        } catch (RuntimeException e) {
            violations.add("the body is not JSON");
            return answer(400, "{\"detail\":\"Invalid JSON\",\"status\":400}");
        }
        if (!"application/json".equals(request.getHeaders().get("Content-Type"))) {
            violations.add("Content-Type is " + request.getHeaders().get("Content-Type"));
        }
        if (!body.path("input").isObject() || !body.path("input").path("prompt").isString()) {
            violations.add("no input.prompt");
            return answer(422, "{\"detail\":\"- input: prompt is required\",\"status\":422}");
        }
        if (body.has("webhook") && !body.path("webhook_events_filter").isArray()) {
            violations.add("webhook without webhook_events_filter");
        }
        if (request.getUrl().encodedPath().equals("/v1/predictions") && !body.path("version").isString()) {
            violations.add("POST /v1/predictions without a version");
        }
        created.add(body);
        Prediction p = new Prediction("fake" + ids.incrementAndGet() + idSuffix, body);
        predictions.put(p.id, p);
        return answer(201, json.writeValueAsString(body(p)));
    }

    private MockResponse list(RecordedRequest request) {
        List<Prediction> all = new ArrayList<>(predictions.values());
        all.sort((a, b) -> b.id.compareTo(a.id));
        String cursor = request.getUrl().queryParameter("cursor");
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + 2);
        ObjectNode page = json.createObjectNode();
        page.put("previous", (String) null);
        page.put("next", to < all.size() ? baseUrl + "/v1/predictions?cursor=" + to : null);
        var results = page.putArray("results");
        all.subList(from, to).forEach(p -> results.add(body(p)));
        return answer(200, json.writeValueAsString(page));
    }

    private void advance(Prediction p) {
        if (!p.status.equals("starting") && !p.status.equals("processing")) {
            return;
        }
        p.polls++;
        p.status = p.polls > pollsUntilDone ? "succeeded" : "processing";
    }

    private ObjectNode body(Prediction p) {
        ObjectNode b = json.createObjectNode();
        b.put("id", p.id);
        b.put("model", "black-forest-labs/flux-schnell");
        b.put("version", "dp-4d0bcc010b3049749a251855f12800be");
        b.set("input", p.request.path("input"));
        b.put("status", p.status);
        b.put("created_at", "2026-11-23T10:00:00.000Z");
        if (p.request.has("webhook")) {
            b.put("webhook", p.request.path("webhook").asString());
        }
        int total = 4;
        int step = Math.min(total, p.polls * 2);
        b.put("logs", p.status.equals("starting") ? "" : "Using seed: 42\n" + (step * 25) + "%|████      | " + step
                + "/" + total + " [00:01<00:0" + (total - step) + ",  2.00it/s]\n");
        if (p.status.equals("succeeded")) {
            b.putArray("output").add(baseUrl + "/files/" + p.id + "-0.png");
        } else {
            b.putNull("output");
        }
        b.putNull("error");
        b.putObject("urls").put("get", baseUrl + "/v1/predictions/" + p.id)
                .put("cancel", baseUrl + "/v1/predictions/" + p.id + "/cancel");
        return b;
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    /** A small PNG whose colour follows the file's name, so different predictions give different bytes. */
    static byte[] png(String name) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(name.hashCode() & 0xFFFFFF));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
