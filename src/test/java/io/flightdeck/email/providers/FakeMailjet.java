package io.flightdeck.email.providers;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * Mailjet's Send API v3.1 on MockWebServer, checking the request shapes Mailjet documents and answering as it
 * documents: per-message {@code Status} with {@code To[]} ids or {@code Errors[]}, messages kept in the order given,
 * a mix of sent and refused messages answered with 400 (or 200, see {@link #answerMixesWith}), global errors with
 * {@code ErrorIdentifier}, {@code ErrorCode}, {@code ErrorMessage} and {@code StatusCode}. Every call is recorded.
 * <p>
 * Shapes followed: mailjet/api-documentation guides/_send-api.md (commit 3a446e64: the basic and bulk sends and their
 * answers, the answer with one message in error, Sandbox Mode and its answer with MessageID 0, the forbidden-header
 * table of Add Email Headers, the Send API JSON properties table with its limits (50 recipients, a 255-character
 * subject), and the Send API errors table: mj-0002, mj-0003, mj-0006, mj-0007, mj-0008, mj-0013, mj-0015, send-0003,
 * send-0008, send-0011); the response types of mailjet/mailjet-apiv3-nodejs
 * dist/declarations/types/api/SendEmail.d.ts and its README section Batch sending and partial failures (commit
 * 18e4f4a8: a batch is not atomic, and a mix may come with 200); mailjet/mailjet-apiv3-java issue 121 (a mix comes with
 * 400). The limit of {@value MailjetSendApi#MAX_MESSAGES} messages a call is the one Flightdeck keeps to.
 * <p>
 * Not documented by Mailjet, so the fake's own choices: the body of a 429 and a 404 (shaped as a global error without
 * a code), the words of its error messages, and its strictness about properties outside the documented table (refused
 * with the code {@code fake-unknown-property}, so that a misspelt {@code HtmlPart} cannot slip through).
 */
public class FakeMailjet extends Dispatcher implements AutoCloseable {

    public static final String API_KEY = "f4k3mj0pub11ck3y00000000000000a1";
    public static final String SECRET_KEY = "f4k3mj0s3cr3tk3y00000000000000b2";
    /** The one sender address validated on the fake account. */
    public static final String SENDER = "news@flightdeck.example.com";
    static final int LIMIT = MailjetSendApi.MAX_MESSAGES;

    /** The properties of a message that Mailjet's JSON properties table lists. */
    static final Set<String> PROPERTIES = Set.of("From", "Sender", "To", "Cc", "Bcc", "ReplyTo", "Subject", "TextPart",
            "HTMLPart", "TemplateID", "TemplateLanguage", "TemplateErrorReporting", "TemplateErrorDeliver",
            "Attachments", "InlinedAttachments", "Priority", "CustomCampaign", "DeduplicateCampaign", "TrackOpens",
            "TrackClicks", "CustomID", "EventPayload", "MonitoringCategory", "URLTags", "Headers", "Variables");
    /** Headers with a property of their own, which Headers may not set (send-0011); lower case. */
    static final Set<String> FORBIDDEN_HEADERS = Set.of("from", "sender", "subject", "to", "cc", "bcc", "return-path",
            "delivered-to", "dkim-signature", "domainkey-status", "received-spf", "authentication-results",
            "received", "x-mailjet-prio", "x-mailjet-debug", "user-agent", "x-mailer", "x-mj-customid",
            "x-mj-eventpayload", "x-mj-vars", "x-mj-templateerrordeliver", "x-mj-templateerrorreporting",
            "x-mj-templatelanguage", "x-mailjet-trackopen", "x-mailjet-trackclick", "x-mj-templateid",
            "x-mj-workflowid", "x-feedback-id", "x-mailjet-segmentation", "list-id", "x-mj-mid", "x-mj-errormessage",
            "date", "x-csa-complaints", "message-id", "x-mailjet-campaign", "x-mj-statisticscontactslistid");

    /** One request as Mailjet received it. */
    public record Call(String path, String httpMethod, Headers headers, JsonNode json) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** A message Mailjet took for delivery, with the ids it answered. */
    public record Sent(String messageId, String messageUuid, JsonNode message) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicLong nextId = new AtomicLong(288230376151711744L); // 2^58: ids need all 64 bits
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicReference<MockResponse> next = new AtomicReference<>();
    private volatile int retryAfterSeconds;
    private volatile int mixStatus = 400;
    private final java.util.concurrent.atomic.AtomicBoolean loseNext = new java.util.concurrent.atomic.AtomicBoolean();

    public FakeMailjet() throws IOException {
        server.setDispatcher(this);
        server.start();
    }

    /** Where the API lives, like {@code https://api.mailjet.com/}. */
    public URI base() {
        return server.url("/").uri();
    }

    /** The next {@code times} calls answer 429 with {@code Retry-After}. */
    public void throttle(int times, int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        throttled.set(times);
    }

    /** The next call answers this, whatever it asks (a 5xx, or a body Mailjet might send in an odd moment). */
    public void answerNext(int status, String body) {
        next.set(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    /**
     * The next send is carried out (its messages are sent) but its answer breaks off, as when a connection drops after
     * Mailjet took the call: the sender cannot know, and must look the messages up.
     */
    public void loseNextAnswer() {
        loseNext.set(true);
    }

    /** The status of an answer with at least one message refused: 400 (the default) or 200. */
    public void answerMixesWith(int status) {
        this.mixStatus = status;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
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
            return new MockResponse.Builder().code(429).addHeader("Retry-After", String.valueOf(retryAfterSeconds))
                    .addHeader("Content-Type", "application/json")
                    .body(global(null, "Too many requests", 429).toString()).build();
        }
        if ("GET".equals(call.httpMethod()) && call.path().equals("/v3/REST/message")) {
            return lookUp(request.getUrl().queryParameter("CustomID"), call);
        }
        if (!"POST".equals(call.httpMethod()) || !call.path().equals("/v3.1/send")) {
            return answer(404, global(null, "Object not found", 404));
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((API_KEY + ":" + SECRET_KEY).getBytes(UTF_8));
        if (!expected.equals(call.header("Authorization"))) {
            return answer(401, global("mj-0015", "API key authentication/authorization failure. You may be"
                    + " unauthorized to access the API or your API key may be expired.", 401));
        }
        String type = String.valueOf(call.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json") || call.json() == null || !call.json().isObject()) {
            return answer(400, global("mj-0002", "Malformed JSON, please review the syntax and properties types.",
                    400));
        }
        JsonNode messages = call.json().path("Messages");
        ObjectNode refusal = !messages.isArray() ? global("mj-0003", "Messages is mandatory", 400)
                : messages.isEmpty() ? global("mj-0007", "Messages cannot be empty", 400)
                : messages.size() > LIMIT ? global("mj-0008", "Messages has more than " + LIMIT + " elements", 400)
                : call.json().has("SandboxMode") && !call.json().get("SandboxMode").isBoolean()
                        ? global("mj-0002", "SandboxMode must be a boolean", 400) : null;
        if (refusal != null) {
            if (refusal.path("ErrorCode").asString().equals("mj-0008")) {
                refusal.putArray("ErrorRelatedTo").add("Messages");
            }
            return answer(400, refusal);
        }
        boolean sandbox = call.json().path("SandboxMode").asBoolean(false);
        ObjectNode body = json.createObjectNode();
        ArrayNode results = body.putArray("Messages");
        boolean mixed = false;
        for (JsonNode message : messages.values()) {
            List<ObjectNode> errors = FakeMailjetChecks.check(json, message, SENDER);
            mixed |= !errors.isEmpty();
            results.add(errors.isEmpty() ? success(message, sandbox) : failure(errors));
        }
        if (loseNext.getAndSet(false)) {
            String whole = json.writeValueAsString(body);
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(whole.substring(0, whole.length() / 2)).build();
        }
        return answer(mixed ? mixStatus : 200, body);
    }

    /**
     * {@code GET /v3/REST/message?CustomID=...} as Mailjet's message resource answers it: {@code Count}, {@code Data}
     * (each message with its {@code ID}, {@code Status} and {@code CustomID}) and {@code Total}; Basic authentication as
     * for a send.
     */
    private MockResponse lookUp(String customId, Call call) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((API_KEY + ":" + SECRET_KEY).getBytes(UTF_8));
        if (!expected.equals(call.header("Authorization"))) {
            return answer(401, global("mj-0015", "API key authentication/authorization failure.", 401));
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode data = body.putArray("Data");
        for (Sent message : sent) {
            if (customId != null && customId.equals(message.message().path("CustomID").asString(""))) {
                data.addObject().put("ID", Long.parseLong(message.messageId())).put("Status", "sent")
                        .put("CustomID", customId).put("ArrivedAt", "2026-12-01T10:00:00Z");
            }
        }
        body.put("Count", data.size()).put("Total", data.size());
        return answer(200, body);
    }

    private ObjectNode success(JsonNode message, boolean sandbox) {
        ObjectNode result = json.createObjectNode().put("Status", "success")
                .put("CustomID", message.path("CustomID").asString(""));
        ArrayNode to = result.putArray("To");
        for (JsonNode recipient : message.path("To").values()) {
            long id = sandbox ? 0 : nextId.getAndIncrement();
            String uuid = sandbox ? "" : UUID.randomUUID().toString();
            to.addObject().put("Email", recipient.path("Email").asString()).put("MessageUUID", uuid)
                    .put("MessageID", id).put("MessageHref", "https://api.mailjet.com/v3/REST/message/" + id);
            if (!sandbox) {
                sent.add(new Sent(String.valueOf(id), uuid, message));
            }
        }
        result.putArray("Cc");
        result.putArray("Bcc");
        return result;
    }

    /** As in the documented answer with one message in error: Errors and Status, no CustomID. */
    private ObjectNode failure(List<ObjectNode> errors) {
        ObjectNode result = json.createObjectNode();
        errors.forEach(result.putArray("Errors")::add);
        return result.put("Status", "error");
    }

    private ObjectNode global(String code, String message, int status) {
        ObjectNode error = json.createObjectNode().put("ErrorIdentifier", UUID.randomUUID().toString());
        if (code != null) {
            error.put("ErrorCode", code);
        }
        return error.put("ErrorMessage", message).put("StatusCode", status);
    }

    private Call record(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        JsonNode tree;
        try {
            tree = body.isEmpty() ? null : json.readTree(body);
        } catch (RuntimeException notJson) {
            tree = null; // answered mj-0002
        }
        Call call = new Call(request.getUrl().encodedPath(), request.getMethod(), request.getHeaders(), tree);
        calls.add(call);
        return call;
    }

    private MockResponse answer(int status, ObjectNode body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(json.writeValueAsString(body)).build();
    }
}
