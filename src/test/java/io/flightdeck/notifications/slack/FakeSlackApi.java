package io.flightdeck.notifications.slack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack’s Web API and incoming webhooks on MockWebServer, so the client is tested against Slack’s documented request
 * shapes and answers: HTTP 200 with {@code ok:false} and an error code for refusals, 429 with {@code Retry-After}
 * when told to throttle, plain-text {@code ok} or an error code with a 4xx from a webhook. Every call is recorded
 * (method, headers, parsed form or JSON). Close it after use: it holds the server’s threads.
 * <p>
 * Shapes followed: the definitions (arguments, content types, examples, error codes) of oauth.v2.access, auth.test,
 * chat.postMessage, chat.update and users.lookupByEmail in slackapi/slack-api-specs web-api/slack_web_openapi_v2.json
 * (commit bc08db49); the answers in slackapi/java-slack-sdk json-logs/samples/api/*.json and its MockSlackApi (commit
 * 86ff7ca9: not_authed, invalid_auth, 429 with Retry-After and ratelimited); docs.slack.dev/reference/methods/
 * oauth.v2.access (client credentials in HTTP Basic); the changelogs Keeping up with the JSONs (2017-10: JSON needs a
 * bearer token and a charset) and incoming webhook errors (2016-05-17: plain-text codes with 400, 403, 404, 410).
 * Slack also takes forms for chat.*; the fake holds the client to JSON.
 */
public class FakeSlackApi extends Dispatcher implements AutoCloseable {

    public static final String BOT_TOKEN = "xoxb-1700000000-1700000001-fakeBotToken";
    public static final String TEAM_ID = "T0FAKETEAM";
    public static final String TEAM_NAME = "Flightdeck Test";
    public static final String APP_ID = "A0FAKEAPP1";
    public static final String BOT_ID = "B0FAKEBOT1";
    public static final String BOT_USER_ID = "U0FAKEBOT1";
    public static final String CLIENT_ID = "1700000000.1700000002";
    public static final String CLIENT_SECRET = "f4k3c113n75ecr37";
    public static final String CODE = "1700000000.1700000003.fakecode";
    public static final String REDIRECT_URI = "https://flightdeck.example.com/slack/oauth/callback";
    /** A channel the bot is in, and one it is not in. */
    public static final String CHANNEL = "C0FAKEMKTG";
    public static final String OUTSIDE_CHANNEL = "C0FAKEOUTS";
    /** The one workspace member, Ana Lima ({@code ana}). */
    public static final String MEMBER_ID = "U0FAKEANA1";
    public static final String MEMBER_EMAIL = "ana@example.com";
    /** The app's signing secret, with which Slack signs the clicks it sends (see {@code SlackClicks}). */
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String HOOK_PATH = "/services/" + TEAM_ID + "/B0FAKEHOOK/fakeWebhookSecret0001";

    /** One request as Slack received it: the method (or incoming-webhook), its headers, and its parsed body. */
    public record Call(String method, String httpMethod, Headers headers, Map<String, String> form, JsonNode json) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** A message as the channel holds it. */
    public record Message(String channel, String ts, String text, JsonNode blocks, boolean edited, JsonNode metadata) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
    /** Codes Slack handed out at its consent page, each good for one exchange. */
    private final Map<String, Boolean> codes = new ConcurrentHashMap<>(Map.of(CODE, false));
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final Map<String, Integer> retryAfter = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong micros = new AtomicLong(100);
    /** Users by lower-case email: id, real name, handle and the email as Slack keeps it; Ana is always there. */
    private final Map<String, String[]> users = new ConcurrentHashMap<>(Map.of(MEMBER_EMAIL,
            new String[] {MEMBER_ID, "Ana Lima", "ana", MEMBER_EMAIL}));
    private volatile String redirectUri = REDIRECT_URI;
    private volatile String lastIssued;

    public FakeSlackApi() throws IOException {
        tokens.put(BOT_TOKEN, false);
        server.setDispatcher(this);
        server.start();
    }

    /** Where the Web API methods live, like {@code https://slack.com/api/}. */
    public URI apiBase() {
        return server.url("/api/").uri();
    }

    /** A click's response_url: what is posted there only the clicking person sees. */
    public URI responseUrl() {
        return server.url("/actions/" + TEAM_ID + "/1700000000/fakeResponseSecret").uri();
    }

    /** The incoming webhook the install hands out (it posts to {@link #CHANNEL}). */
    public URI incomingWebhook() {
        return server.url(HOOK_PATH).uri();
    }

    /** A fresh code, as Slack's consent page hands one to the redirect when a person allows the install. */
    public String newCode() {
        String code = "1700000000." + (1700000100 + codes.size()) + ".fakecode";
        codes.put(code, false);
        return code;
    }

    /** Another user of the Slack, found by this email (which Slack verified). */
    public void addUser(String email, String id, String realName) {
        users.put(email.toLowerCase(Locale.ROOT), new String[] {id, realName,
                realName.toLowerCase(Locale.ROOT).replace(' ', '.'), email});
    }

    /** The redirect address the app registered with Slack: oauth.v2.access refuses another (bad_redirect_uri). */
    public void expectRedirect(String uri) {
        this.redirectUri = uri;
    }

    /** The messages posted to a channel (a DM's D… channel for a user), oldest first. */
    public List<Message> messagesIn(String channel) {
        return messages.values().stream().filter(m -> m.channel().equals(channel))
                .sorted(java.util.Comparator.comparing(Message::ts)).toList();
    }

    /** The bot token the last successful oauth.v2.access handed out. */
    public String lastIssuedToken() {
        return lastIssued;
    }

    /** The token stops working as when the app is uninstalled: token_revoked. */
    public void revoke(String token) {
        tokens.replace(token, true);
    }

    /** The next {@code times} calls of {@code method} (or incoming-webhook) answer 429 with Retry-After. */
    public void throttle(String method, int times, int retryAfterSeconds) {
        throttled.put(method, new AtomicInteger(times));
        retryAfter.put(method, retryAfterSeconds);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    public Message message(String channel, String ts) {
        return messages.get(channel + "/" + ts);
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        boolean hook = path.startsWith("/services/");
        if (path.startsWith("/actions/")) {
            record("response_url", request);
            return respond(ok());
        }
        Call call = record(hook ? "incoming-webhook" : path.replaceFirst("^/api/", ""), request);
        if (throttled.getOrDefault(call.method(), new AtomicInteger()).getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder().code(429)
                    .addHeader("Retry-After", String.valueOf(retryAfter.get(call.method())))
                    .addHeader("Content-Type", hook ? "text/plain" : "application/json; charset=utf-8")
                    .body(hook ? "rate_limited" : "{\"ok\":false,\"error\":\"ratelimited\"}").build();
        }
        if (hook) {
            return webhook(call, path);
        }
        Object args = call.method().startsWith("chat.") || call.method().startsWith("views.") ? call.json() : call.form();
        if (!"POST".equals(call.httpMethod()) || args == null) {
            return respond(failure(call.header("Content-Type") == null ? "missing_post_type" : "invalid_post_type"));
        }
        String auth = call.header("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        String refusal = call.method().equals("oauth.v2.access") ? null : token == null ? "not_authed"
                : !tokens.containsKey(token) ? "invalid_auth" : tokens.get(token) ? "token_revoked" : null;
        if (refusal != null) {
            return respond(failure(refusal));
        }
        return respond(switch (call.method()) {
            case "oauth.v2.access" -> oauth(call);
            case "auth.test" -> ok().put("url", "https://flightdeck-test.slack.com/").put("team", TEAM_NAME)
                    .put("user", "flightdeck").put("team_id", TEAM_ID).put("user_id", BOT_USER_ID)
                    .put("bot_id", BOT_ID).put("is_enterprise_install", false);
            case "chat.postMessage", "chat.update" -> chat(call, call.method().equals("chat.update"));
            case "users.lookupByEmail" -> lookup(call);
            case "views.open" -> call.json().path("trigger_id").asString("").isBlank() || !call.json().has("view")
                    ? failure("invalid_arguments") : ok().set("view", call.json().get("view"));
            default -> failure("unknown_method");
        });
    }

    private ObjectNode oauth(Call call) {
        String auth = call.header("Authorization");
        String[] client = auth != null && auth.startsWith("Basic ") ? Arrays.stream(new String(Base64.getDecoder()
                .decode(auth.substring(6)), UTF_8).split(":", 2)).map(part -> URLDecoder.decode(part, UTF_8))
                .toArray(String[]::new) : new String[] {call.form().get("client_id"), call.form().get("client_secret")};
        String code = call.form().get("code");
        String redirect = call.form().get("redirect_uri");
        String refusal = !CLIENT_ID.equals(client[0]) ? "invalid_client_id"
                : client.length < 2 || !CLIENT_SECRET.equals(client[1]) ? "bad_client_secret"
                : code == null ? "invalid_arguments"
                : redirect != null && !redirect.equals(redirectUri) ? "bad_redirect_uri"
                : !Boolean.FALSE.equals(codes.replace(code, true)) ? "invalid_code" : null;
        if (refusal != null) {
            return failure(refusal);
        }
        String token = "xoxb-1700000000-" + (1700000100 + tokens.size()) + "-installedBotToken";
        tokens.put(token, false);
        lastIssued = token;
        ObjectNode answer = ok().put("app_id", APP_ID).put("scope", "chat:write,users:read,users:read.email,"
                + "incoming-webhook").put("token_type", "bot").put("access_token", token).put("bot_user_id",
                BOT_USER_ID).put("is_enterprise_install", false);
        answer.putObject("authed_user").put("id", MEMBER_ID);
        answer.putObject("team").put("id", TEAM_ID).put("name", TEAM_NAME);
        answer.putObject("incoming_webhook").put("channel", "#marketing").put("channel_id", CHANNEL)
                .put("configuration_url", "https://flightdeck-test.slack.com/services/B0FAKEHOOK")
                .put("url", incomingWebhook().toString());
        return answer;
    }

    /** chat.postMessage to a channel, or to a user id for the app’s DM (a D… channel); chat.update by channel+ts. */
    private ObjectNode chat(Call call, boolean update) {
        JsonNode body = call.json();
        String channel = body.path("channel").asString("");
        if (channel.isBlank() || update && body.path("ts").asString("").isBlank()) {
            return failure("invalid_arguments");
        }
        boolean user = users.values().stream().anyMatch(u -> u[0].equals(channel));
        String target = update || channel.equals(CHANNEL) ? channel : channel.equals(OUTSIDE_CHANNEL) ? ""
                : user ? "D" + channel.substring(1) : null;
        String ts = update ? body.path("ts").asString() : ts();
        String refusal = target == null ? "channel_not_found" : target.isEmpty() ? "not_in_channel"
                : update && !messages.containsKey(target + "/" + ts) ? "message_not_found"
                : !hasContent(body) ? "no_text"
                : body.has("blocks") && !body.get("blocks").isArray() ? "invalid_blocks" : null;
        if (refusal != null) {
            return failure(refusal);
        }
        Message message = new Message(target, ts, body.path("text").asString(null), body.get("blocks"), update,
                update && messages.containsKey(target + "/" + ts) ? messages.get(target + "/" + ts).metadata()
                        : body.get("metadata"));
        messages.put(target + "/" + ts, message);
        ObjectNode answer = ok().put("channel", target).put("ts", ts);
        if (update) {
            answer.put("text", message.text());
        }
        ObjectNode json = answer.putObject("message").put("type", "message").put("subtype", "bot_message")
                .put("text", message.text()).put("user", BOT_USER_ID).put("bot_id", BOT_ID).put("app_id", APP_ID)
                .put("team", TEAM_ID).put("ts", ts);
        if (message.blocks() != null) {
            json.set("blocks", message.blocks());
        }
        if (update) {
            json.putObject("edited").put("user", BOT_USER_ID).put("ts", ts());
        }
        if (!call.header("Content-Type").toLowerCase(Locale.ROOT).contains("charset=utf-8")) {
            answer.put("warning", "missing_charset"); // Slack accepts JSON without a charset, and says so
        }
        return answer;
    }

    private ObjectNode lookup(Call call) {
        String email = call.form().getOrDefault("email", "");
        String[] found = users.get(email.toLowerCase(Locale.ROOT));
        if (found == null) {
            return failure(email.isBlank() ? "invalid_arguments" : "users_not_found");
        }
        String handle = found[2];
        ObjectNode answer = ok();
        ObjectNode user = answer.putObject("user").put("id", found[0]).put("team_id", TEAM_ID).put("name", handle)
                .put("deleted", false).put("real_name", found[1]).put("tz", "Europe/Lisbon").put("is_bot", false)
                .put("is_app_user", false);
        user.putObject("profile").put("real_name", found[1]).put("display_name", handle).put("email", found[3])
                .put("team", TEAM_ID);
        return answer;
    }

    private MockResponse webhook(Call call, String path) {
        String refusal = !path.equals(HOOK_PATH) ? "no_service"
                : call.json() == null || !call.json().isObject() ? "invalid_payload"
                : !hasContent(call.json()) ? "no_text" : null;
        if (refusal != null) {
            return text(refusal.equals("no_service") ? 404 : 400, refusal);
        }
        String ts = ts();
        messages.put(CHANNEL + "/" + ts, new Message(CHANNEL, ts, call.json().path("text").asString(null),
                call.json().get("blocks"), false, null));
        return text(200, "ok");
    }

    private String ts() {
        return "1700000000." + String.format("%06d", micros.getAndIncrement());
    }

    private static boolean hasContent(JsonNode body) {
        return !body.path("text").asString("").isBlank() || !body.path("blocks").isEmpty();
    }

    /** Parses the body by its Content-Type: a form into a map, JSON into a tree; either is null otherwise. */
    private Call record(String method, RecordedRequest request) {
        String type = String.valueOf(request.getHeaders().get("Content-Type")).toLowerCase(Locale.ROOT);
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Map<String, String> form = !type.startsWith("application/x-www-form-urlencoded") ? null
                : Arrays.stream(body.split("&")).filter(pair -> !pair.isEmpty()).map(pair -> pair.split("=", 2))
                        .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], UTF_8),
                                kv -> kv.length > 1 ? URLDecoder.decode(kv[1], UTF_8) : "",
                                (first, second) -> second, LinkedHashMap::new));
        JsonNode tree = null;
        try {
            tree = type.startsWith("application/json") ? json.readTree(body) : null;
        } catch (RuntimeException notJson) {
            // left null: the method answers invalid_post_type, a webhook invalid_payload
        }
        Call call = new Call(method, request.getMethod(), request.getHeaders(), form, tree);
        calls.add(call);
        return call;
    }

    private ObjectNode ok() {
        return json.createObjectNode().put("ok", true);
    }

    private ObjectNode failure(String error) {
        return json.createObjectNode().put("ok", false).put("error", error);
    }

    private MockResponse respond(ObjectNode body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(json.writeValueAsString(body)).build();
    }

    private static MockResponse text(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "text/html").body(body).build();
    }
}
