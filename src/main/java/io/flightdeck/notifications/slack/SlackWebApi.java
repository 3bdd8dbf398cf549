package io.flightdeck.notifications.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.notifications.slack.SlackBlocks.Block;
import io.flightdeck.notifications.slack.SlackWire.Answer;
import io.flightdeck.notifications.slack.SlackWire.AuthAnswer;
import io.flightdeck.notifications.slack.SlackWire.ChatAnswer;
import io.flightdeck.notifications.slack.SlackWire.ChatPost;
import io.flightdeck.notifications.slack.SlackWire.ChatUpdate;
import io.flightdeck.notifications.slack.SlackWire.HistoryAnswer;
import io.flightdeck.notifications.slack.SlackWire.OauthAnswer;
import io.flightdeck.notifications.slack.SlackWire.OpenAnswer;
import io.flightdeck.notifications.slack.SlackWire.Response;
import io.flightdeck.notifications.slack.SlackWire.User;
import io.flightdeck.notifications.slack.SlackWire.UserAnswer;
import io.flightdeck.notifications.slack.SlackWire.ViewAnswer;
import io.flightdeck.notifications.slack.SlackWire.ViewOpen;
import io.flightdeck.notifications.slack.SlackWire.Webhook;
import io.flightdeck.notifications.slack.SlackWire.WebhookPost;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The few Slack Web API methods Flightdeck needs (install, check a token, post and update a message, find a member by
 * email) and incoming webhooks, on the outbound-call kit. Slack reports most failures as HTTP 200 with
 * {@code ok:false}; every failure, that one or any other, comes out as a {@link SlackApiException} that says whether
 * to retry and, on a 429, after how long. Tokens travel only in the {@code Authorization} header and never appear in
 * a message, log line or {@code toString}.
 * <p>
 * Request shapes follow Slack’s method reference: chat.postMessage and chat.update take JSON with
 * {@code application/json; charset=utf-8} and a bearer token; oauth.v2.access takes a form with the client
 * credentials in HTTP Basic, as Slack recommends over form fields; users.lookupByEmail and auth.test take forms.
 */
public final class SlackWebApi {

    static final int HISTORY_PAGES = 5;
    static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json; charset=utf-8");

    private final URI apiBase;
    private final OutboundClient http;
    /** For incoming webhooks, whose path is their credential: the log names the host only. */
    private final OutboundClient hooks;

    /** An install of the app in a workspace: its bot token, bot user, granted scopes and the webhook when asked for. */
    public record Install(String teamId, String teamName, String appId, String botAccessToken, String botUserId,
            String scope, IncomingWebhook incomingWebhook) {
        @Override
        public String toString() {
            return "Install[teamId=" + teamId + ", teamName=" + teamName + ", appId=" + appId + ", botUserId="
                    + botUserId + ", scope=" + scope + ", incomingWebhook=" + incomingWebhook + "]";
        }
    }

    /** The channel an installer picked for the app’s incoming webhook; the URL is a secret like a token. */
    public record IncomingWebhook(String channel, String channelId, URI url) {
        @Override
        public String toString() {
            return "IncomingWebhook[channel=" + channel + ", channelId=" + channelId + "]";
        }
    }

    /** Whose token it is (auth.test): the workspace, and the bot user and bot it acts as. */
    public record Identity(String teamId, String team, String userId, String user, String botId, String url) {
    }

    /** Where a message landed: the channel id (a D… id for a message sent to a user) and its {@code ts}. */
    public record Posted(String channel, String ts) {
    }

    /** A workspace member found by email. */
    public record SlackUser(String id, String name, String realName, String email) {
    }

    /** Slack's message metadata: an event type and a payload, kept with the message and readable back. */
    public record Metadata(String event_type, Map<String, String> event_payload) {
    }

    /**
     * @param apiBase where the methods live, normally {@code https://slack.com/api/}
     * @param timeout how long one call may wait for its answer
     */
    public SlackWebApi(URI apiBase, Duration timeout) {
        String base = apiBase.toString();
        this.apiBase = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = OutboundClient.to("Slack").readTimeout(timeout).errorText("/error").build();
        this.hooks = OutboundClient.to("Slack incoming webhook").readTimeout(timeout).errorText("/error").secretPaths()
                .build();
    }

    /** Exchanges the code from the OAuth redirect for the workspace’s bot token (oauth.v2.access). */
    public Install oauthV2Access(String clientId, String clientSecret, String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        if (redirectUri != null) {
            form.put("redirect_uri", redirectUri);
        }
        OauthAnswer answer = call("oauth.v2.access", rest -> rest.post().uri(method("oauth.v2.access"))
                .headers(h -> h.setBasicAuth(URLEncoder.encode(clientId, StandardCharsets.UTF_8),
                        URLEncoder.encode(clientSecret, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form(form)).retrieve()
                .body(OauthAnswer.class));
        Webhook hook = answer.incomingWebhook();
        return new Install(answer.team() == null ? null : answer.team().id(),
                answer.team() == null ? null : answer.team().name(), answer.appId(), answer.accessToken(),
                answer.botUserId(), answer.scope(), hook == null || hook.url() == null ? null
                        : new IncomingWebhook(hook.channel(), hook.channelId(), URI.create(hook.url())));
    }

    /** Who the token belongs to; fails with {@code invalid_auth} or {@code token_revoked} when it no longer works. */
    public Identity authTest(String token) {
        AuthAnswer answer = call("auth.test", rest -> rest.post().uri(method("auth.test"))
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(new byte[0]).retrieve().body(AuthAnswer.class));
        return new Identity(answer.teamId(), answer.team(), answer.userId(), answer.user(), answer.botId(),
                answer.url());
    }

    /**
     * Posts a message (chat.postMessage) to a channel id, or to a user id for the app’s direct message.
     *
     * @param text the fallback text Slack shows in notifications; required by Slack when there are no blocks
     */
    public Posted postMessage(String token, String channel, String text, List<Block> blocks) {
        return postMessage(token, channel, text, blocks, null);
    }

    /** The same, with metadata that names what the message is (Flightdeck's delivery), for a later look-up. */
    public Posted postMessage(String token, String channel, String text, List<Block> blocks, Metadata metadata) {
        ChatPost body = new ChatPost(channel, text, blocks == null || blocks.isEmpty() ? null : blocks, metadata);
        ChatAnswer answer = call("chat.postMessage", rest -> rest.post().uri(method("chat.postMessage"))
                .headers(h -> h.setBearerAuth(token)).contentType(JSON_UTF8).body(body).retrieve()
                .body(ChatAnswer.class));
        return new Posted(answer.channel(), answer.ts());
    }

    /** Replaces a posted message’s text and blocks (chat.update), found by its channel and {@code ts}. */
    public Posted update(String token, String channel, String ts, String text, List<Block> blocks) {
        ChatUpdate body = new ChatUpdate(channel, ts, text, blocks == null || blocks.isEmpty() ? null : blocks);
        ChatAnswer answer = call("chat.update", rest -> rest.post().uri(method("chat.update"))
                .headers(h -> h.setBearerAuth(token)).contentType(JSON_UTF8).body(body).retrieve()
                .body(ChatAnswer.class));
        return new Posted(answer.channel(), answer.ts());
    }

    /** The app's direct-message channel with a user (conversations.open, scope {@code im:write}): its D… id. */
    public String openDirectMessage(String token, String user) {
        OpenAnswer answer = call("conversations.open", rest -> rest.post().uri(method("conversations.open"))
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form(Map.of("users", user))).retrieve().body(OpenAnswer.class));
        if (answer.channel() == null || answer.channel().id() == null) {
            throw SlackApiException.refused("conversations.open", "malformed_answer", 200);
        }
        return answer.channel().id();
    }

    /**
     * The app's message in a channel, posted after {@code since}, whose metadata has this type and this value under
     * {@code key} (conversations.history with {@code include_all_metadata}; scope {@code im:history} for a direct
     * message, {@code channels:history} for a channel). Reads at most {@value #HISTORY_PAGES} pages of 200, newest
     * first: enough for the minutes after an attempt was cut off.
     */
    public Optional<Posted> findByMetadata(String token, String channel, Instant since, String eventType, String key,
            String value) {
        String cursor = null;
        for (int page = 0; page < HISTORY_PAGES; page++) {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("channel", channel);
            args.put("oldest", since.getEpochSecond() + ".000000");
            args.put("include_all_metadata", "true");
            args.put("limit", "200");
            if (cursor != null) {
                args.put("cursor", cursor);
            }
            HistoryAnswer answer = call("conversations.history", rest -> rest.post()
                    .uri(method("conversations.history")).headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form(args)).retrieve()
                    .body(HistoryAnswer.class));
            Optional<Posted> found = answer.messages() == null ? Optional.empty() : answer.messages().stream()
                    .filter(m -> m.metadata() != null && eventType.equals(m.metadata().eventType())
                            && m.metadata().eventPayload() != null
                            && value.equals(String.valueOf(m.metadata().eventPayload().get(key))))
                    .findFirst().map(m -> new Posted(channel, m.ts()));
            cursor = answer.responseMetadata() == null ? null : answer.responseMetadata().nextCursor();
            if (found.isPresent() || !Boolean.TRUE.equals(answer.hasMore()) || cursor == null || cursor.isBlank()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The member with this email (users.lookupByEmail, which needs the {@code users:read.email} scope); fails with
     * {@code users_not_found} when there is none. The email goes in a form body, not the query string.
     */
    public SlackUser lookupByEmail(String token, String email) {
        UserAnswer answer = call("users.lookupByEmail", rest -> rest.post().uri(method("users.lookupByEmail"))
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form(Map.of("email", email))).retrieve().body(UserAnswer.class));
        User user = answer.user();
        if (user == null) {
            throw SlackApiException.refused("users.lookupByEmail", "malformed_answer", 200);
        }
        String realName = user.realName() != null ? user.realName()
                : user.profile() == null ? null : user.profile().realName();
        return new SlackUser(user.id(), user.name(), realName, user.profile() == null ? null : user.profile().email());
    }

    /**
     * Posts to an incoming webhook. Slack answers {@code ok} as plain text, or an error text ({@code invalid_payload},
     * {@code no_text}, {@code channel_not_found}, {@code no_service} for a removed webhook) with a 4xx status.
     */
    public void postToIncomingWebhook(URI url, String text, List<Block> blocks) {
        WebhookPost body = new WebhookPost(text, blocks == null || blocks.isEmpty() ? null : blocks);
        String answer;
        try {
            answer = hooks.call(rest -> rest.post().uri(url).contentType(JSON_UTF8).body(body).retrieve()
                    .body(String.class));
        } catch (OutboundException e) {
            throw SlackApiException.failed("incoming-webhook", e);
        }
        if (answer == null || !answer.strip().equals("ok")) {
            throw SlackApiException.refused("incoming-webhook", "unexpected_answer", 200);
        }
    }

    /** Opens a modal (views.open) for the click whose {@code trigger_id} it names; Slack allows 3 seconds for it. */
    public void openView(String token, String triggerId, Map<String, Object> view) {
        call("views.open", rest -> rest.post().uri(method("views.open")).headers(h -> h.setBearerAuth(token))
                .contentType(JSON_UTF8).body(new ViewOpen(triggerId, view)).retrieve().body(ViewAnswer.class));
    }

    /**
     * Answers a click through its {@code response_url}: a message only the clicking person sees. The address is a
     * credential (the log names its host only).
     */
    public void respond(URI responseUrl, String text) {
        try {
            hooks.call(rest -> rest.post().uri(responseUrl).contentType(JSON_UTF8)
                    .body(new Response(text, "ephemeral", false)).retrieve().toBodilessEntity());
        } catch (OutboundException e) {
            throw SlackApiException.failed("response_url", e);
        }
    }

    private URI method(String name) {
        return apiBase.resolve(name);
    }

    private <T extends Answer> T call(String method, Function<RestClient, T> exchange) {
        T answer;
        try {
            answer = http.call(exchange);
        } catch (OutboundException e) {
            throw SlackApiException.failed(method, e);
        }
        if (answer == null || answer.ok() == null) {
            throw SlackApiException.refused(method, "malformed_answer", 200);
        }
        if (!answer.ok()) {
            throw SlackApiException.refused(method, answer.error(), 200);
        }
        return answer;
    }

    /** A form body as bytes, so no converter adds a charset Slack would only warn about. */
    private static byte[] form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.UTF_8);
    }
}
