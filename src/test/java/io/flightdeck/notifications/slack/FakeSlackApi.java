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
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final Map<String, Integer> retryAfter = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Users by lower-case email: id, real name, handle and the email as Slack keeps it; Ana is always there. */
    private final Map<String, String[]> users = new ConcurrentHashMap<>(Map.of(MEMBER_EMAIL,
            new String[] {MEMBER_ID, "Ana Lima", "ana", MEMBER_EMAIL}));
    private final FakeSlackConversations conversations = new FakeSlackConversations(this,
            id -> users.values().stream().anyMatch(u -> u[0].equals(id)));
    private volatile String redirectUri = REDIRECT_URI;
    private volatile boolean incomingWebhookScope;
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

    /** Installs from now ask for the incoming-webhook scope too (Flightdeck's do not), so Slack hands one out. */
    public void askForIncomingWebhook() {
        incomingWebhookScope = true;
    }

    /** The redirect address the app registered with Slack: oauth.v2.access refuses another (bad_redirect_uri). */
    public void expectRedirect(String uri) {
        this.redirectUri = uri;
    }

    /** The messages posted to a channel (a DM's D… channel for a user), oldest first. */
    public List<Message> messagesIn(String channel) {
        return conversations.in(channel);
    }

    /** A scope the installed app lacks from now on (as an install from before Flightdeck asked for it). */
    public void withhold(String scope) {
        conversations.withhold(scope);
    }

    /** Every scope granted again. */
    public void grantAll() {
        conversations.grantAll();
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

    /**
     * The next {@code times} calls of a chat method to one channel (a user id for a direct message) answer 429 with
     * Retry-After. The fake is shared by every test context in the JVM, so a throttle on the method alone can be used
     * up by another context's delivery running in the background.
     */
    public void throttle(String method, String channel, int times, int retryAfterSeconds) {
        throttle(method + "#" + channel, times, retryAfterSeconds);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    public Message message(String channel, String ts) {
        return conversations.get(channel, ts);
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
        String toChannel = call.method() + "#" + (call.json() == null ? "" : call.json().path("channel").asString(""));
        String throttleKey = throttled.containsKey(toChannel) ? toChannel : call.method();
        if (throttled.getOrDefault(throttleKey, new AtomicInteger()).getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder().code(429)
                    .addHeader("Retry-After", String.valueOf(retryAfter.get(throttleKey)))
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
            case "chat.postMessage", "chat.update" -> conversations.chat(call, call.method().equals("chat.update"));
            case "conversations.open" -> conversations.open(call);
            case "conversations.history" -> conversations.history(call);
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
        boolean hook = incomingWebhookScope;
        ObjectNode answer = ok().put("app_id", APP_ID).put("scope", SlackProperties.SCOPES
                + (hook ? ",incoming-webhook" : "")).put("token_type", "bot").put("access_token", token)
                .put("bot_user_id", BOT_USER_ID).put("is_enterprise_install", false);
        answer.putObject("authed_user").put("id", MEMBER_ID);
        answer.putObject("team").put("id", TEAM_ID).put("name", TEAM_NAME);
        if (hook) { // Slack hands out a webhook only when the install asked for the incoming-webhook scope
            answer.putObject("incoming_webhook").put("channel", "#marketing").put("channel_id", CHANNEL)
                    .put("configuration_url", "https://flightdeck-test.slack.com/services/B0FAKEHOOK")
                    .put("url", incomingWebhook().toString());
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
        conversations.webhookPost(CHANNEL, call.json());
        return text(200, "ok");
    }

    static boolean hasContent(JsonNode body) {
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

    ObjectNode ok() {
        return json.createObjectNode().put("ok", true);
    }

    ObjectNode failure(String error) {
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
