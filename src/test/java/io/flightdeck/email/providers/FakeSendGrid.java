package io.flightdeck.email.providers;

import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SendGrid's v3 Mail Send on MockWebServer, checking the request shapes SendGrid documents and answering as it
 * documents: 202 with no body and {@code X-Message-Id}; {@code {errors:[{message, field, help}]}} with 400 (every
 * problem found, as SendGrid lists them), 401, 403 (a sender that is no verified Sender Identity), 413 and 5xx; 429
 * with {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}. Every call is recorded.
 * <p>
 * Shapes followed: sendgrid/sendgrid-oai spec/paths/mail_send/mail_send.json (the request schema: required
 * personalizations, from, subject and content, 1000 personalizations at most, custom_args and headers as string maps;
 * the answers 202, 400, 401, 403, 404, 413, 500) and spec/components/responses.json (the errors body);
 * sendgrid/docs content/docs/API_Reference/Web_API_v3/Mail/errors.md (the status table, the reserved headers, the
 * rule that text/plain comes first, then text/html, and the error words used here) and How_To_Use_The_Web_API_v3/
 * rate_limits.md (the 429 and its headers).
 * <p>
 * Not documented by SendGrid, so the fake's own choices: the words of the 401, 403, 404 and 413 errors (the ones
 * SendGrid is commonly seen to send), the shape of an {@code X-Message-Id} (22 URL-safe characters), and its strictness
 * about properties outside the schema (refused with field {@code fake-unknown-property}).
 */
public class FakeSendGrid extends Dispatcher implements AutoCloseable {

    public static final String API_KEY = "SG.f4k3k3yId0000000000a.f4k3S3cr3t000000000000000000000000000000000b";
    /** The one verified Sender Identity of the fake account. */
    public static final String SENDER = "news@flightdeck.example.com";
    static final String HELP = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.";

    /** One request as SendGrid received it. */
    public record Call(String path, String httpMethod, Headers headers, JsonNode json, long size) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** A message SendGrid queued, with the id it answered. */
    public record Accepted(String messageId, JsonNode mail) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicReference<MockResponse> next = new AtomicReference<>();
    private volatile long resetAt;
    /** SendGrid's documented limit on a whole request. */
    private volatile long maxBytes = 30L * 1024 * 1024;

    public FakeSendGrid() throws IOException {
        server.setDispatcher(this);
        server.start();
    }

    /** Where the API lives, like {@code https://api.sendgrid.com/}. */
    public URI base() {
        return server.url("/").uri();
    }

    /** The next {@code times} calls answer 429, saying the limit resets at {@code resetAt} (Unix seconds). */
    public void throttle(int times, long resetAt) {
        this.resetAt = resetAt;
        throttled.set(times);
    }

    /** The next call answers this status with SendGrid's errors body holding {@code message}. */
    public void answerNext(int status, String message) {
        next.set(errors(status, error(message, null)));
    }

    /** Requests longer than this are answered 413, so a test need not send 30 MB. */
    public void limitBodyTo(long bytes) {
        this.maxBytes = bytes;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Call call = record(request);
        MockResponse canned = next.getAndSet(null);
        if (canned != null) {
            return canned;
        }
        if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                    .addHeader("X-RateLimit-Limit", "600").addHeader("X-RateLimit-Remaining", "0")
                    .addHeader("X-RateLimit-Reset", String.valueOf(resetAt))
                    .body(json.writeValueAsString(body(error("too many requests", null)))).build();
        }
        if (!"POST".equals(call.httpMethod()) || !call.path().equals("/v3/mail/send")) {
            return errors(404, error("not found", null));
        }
        if (!("Bearer " + API_KEY).equals(call.header("Authorization"))) {
            return errors(401, error("The provided authorization grant is invalid, expired, or revoked", null));
        }
        if (call.size() > maxBytes) {
            return errors(413, error("Payload too large", null));
        }
        String type = String.valueOf(call.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json") || call.json() == null || !call.json().isObject()) {
            return errors(400, error("Bad Request", null));
        }
        List<ObjectNode> problems = FakeSendGridChecks.check(json, call.json());
        if (!problems.isEmpty()) {
            return errors(400, problems.toArray(ObjectNode[]::new));
        }
        if (!SENDER.equalsIgnoreCase(call.json().path("from").path("email").asString(""))) {
            return errors(403, error("The from address does not match a verified Sender Identity. Mail cannot be sent"
                    + " until this error is resolved.", "from"));
        }
        if (call.json().path("mail_settings").path("sandbox_mode").path("enable").asBoolean(false)) {
            return new MockResponse.Builder().code(200).build(); // valid, not queued
        }
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        String messageId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        accepted.add(new Accepted(messageId, call.json()));
        return new MockResponse.Builder().code(202).addHeader("X-Message-Id", messageId).build();
    }

    ObjectNode error(String message, String field) {
        ObjectNode error = json.createObjectNode().put("message", message);
        if (field == null) {
            error.putNull("field");
            error.putNull("help");
        } else {
            error.put("field", field).put("help", HELP + field.replaceAll("\\.\\d+", ""));
        }
        return error;
    }

    private ObjectNode body(ObjectNode... errors) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("errors");
        for (ObjectNode error : errors) {
            list.add(error);
        }
        return body;
    }

    private MockResponse errors(int status, ObjectNode... errors) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(body(errors))).build();
    }

    private Call record(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        JsonNode tree;
        try {
            tree = body.isEmpty() ? null : json.readTree(body);
        } catch (RuntimeException notJson) {
            tree = null; // answered 400
        }
        Call call = new Call(request.getUrl().encodedPath(), request.getMethod(), request.getHeaders(), tree,
                request.getBodySize());
        calls.add(call);
        return call;
    }
}
