package io.flightdeck.notifications.slack;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.flightdeck.notifications.slack.FakeSlackApi.Call;
import io.flightdeck.notifications.slack.FakeSlackApi.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The messages side of {@link FakeSlackApi}: chat.postMessage and chat.update, conversations.open (a user's D…
 * channel) and conversations.history. Shapes from docs.slack.dev/reference/methods/conversations.history and
 * conversations.open: history is newest first, {@code oldest} is exclusive, {@code limit} pages with {@code has_more}
 * and {@code response_metadata.next_cursor}, and metadata comes back only with {@code include_all_metadata}; reading a
 * direct message's history without {@code im:history} is {@code missing_scope}. Message {@code ts} values are the real
 * epoch second with a counter, so {@code oldest} works as on Slack.
 */
final class FakeSlackConversations {

    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong(100);
    private final Set<String> withheldScopes = ConcurrentHashMap.newKeySet();
    private final Predicate<String> isUser;
    private final FakeSlackApi api;

    FakeSlackConversations(FakeSlackApi api, Predicate<String> isUser) {
        this.api = api;
        this.isUser = isUser;
    }

    /** A scope the installed app was not granted (im:history for an install from before it was asked for). */
    void withhold(String scope) {
        withheldScopes.add(scope);
    }

    void grantAll() {
        withheldScopes.clear();
    }

    List<Message> in(String channel) {
        return messages.values().stream().filter(m -> m.channel().equals(channel))
                .sorted(Comparator.comparing(Message::ts)).toList();
    }

    Message get(String channel, String ts) {
        return messages.get(channel + "/" + ts);
    }

    /** What an incoming webhook posts lands in its channel like any message, without metadata. */
    void webhookPost(String channel, JsonNode body) {
        String ts = ts();
        messages.put(channel + "/" + ts, new Message(channel, ts, body.path("text").asString(null), body.get("blocks"),
                false, null));
    }

    /** chat.postMessage to a channel, or to a user id for the app’s DM (a D… channel); chat.update by channel+ts. */
    ObjectNode chat(Call call, boolean update) {
        JsonNode body = call.json();
        String channel = body.path("channel").asString("");
        if (channel.isBlank() || update && body.path("ts").asString("").isBlank()) {
            return api.failure("invalid_arguments");
        }
        String target = update || channel.equals(FakeSlackApi.CHANNEL) ? channel
                : channel.equals(FakeSlackApi.OUTSIDE_CHANNEL) ? "" : isUser.test(channel) ? dm(channel) : null;
        String ts = update ? body.path("ts").asString() : ts();
        String refusal = target == null ? "channel_not_found" : target.isEmpty() ? "not_in_channel"
                : update && !messages.containsKey(target + "/" + ts) ? "message_not_found"
                : !FakeSlackApi.hasContent(body) ? "no_text"
                : body.has("blocks") && !body.get("blocks").isArray() ? "invalid_blocks" : null;
        if (refusal != null) {
            return api.failure(refusal);
        }
        Message message = new Message(target, ts, body.path("text").asString(null), body.get("blocks"), update,
                update ? messages.get(target + "/" + ts).metadata() : body.get("metadata"));
        messages.put(target + "/" + ts, message);
        ObjectNode answer = api.ok().put("channel", target).put("ts", ts);
        if (update) {
            answer.put("text", message.text());
        }
        ObjectNode json = answer.putObject("message").put("type", "message").put("subtype", "bot_message")
                .put("text", message.text()).put("user", FakeSlackApi.BOT_USER_ID).put("bot_id", FakeSlackApi.BOT_ID)
                .put("app_id", FakeSlackApi.APP_ID).put("team", FakeSlackApi.TEAM_ID).put("ts", ts);
        if (message.blocks() != null) {
            json.set("blocks", message.blocks());
        }
        if (update) {
            json.putObject("edited").put("user", FakeSlackApi.BOT_USER_ID).put("ts", ts());
        }
        if (!call.header("Content-Type").toLowerCase(Locale.ROOT).contains("charset=utf-8")) {
            answer.put("warning", "missing_charset"); // Slack accepts JSON without a charset, and says so
        }
        return answer;
    }

    /** conversations.open with {@code users}: one user's DM channel, as {@code channel.id}. */
    ObjectNode open(Call call) {
        String users = call.form().getOrDefault("users", "");
        if (users.isBlank() || users.contains(",")) {
            return api.failure(users.isBlank() ? "users_list_not_supplied" : "not_implemented");
        }
        if (!isUser.test(users)) {
            return api.failure("user_not_found");
        }
        if (withheldScopes.contains("im:write")) {
            return api.failure("missing_scope").put("needed", "im:write");
        }
        ObjectNode answer = api.ok().put("no_op", true).put("already_open", true);
        answer.putObject("channel").put("id", dm(users));
        return answer;
    }

    /** conversations.history: the channel's messages after {@code oldest}, newest first, a page at a time. */
    ObjectNode history(Call call) {
        Map<String, String> form = call.form();
        String channel = form.getOrDefault("channel", "");
        if (channel.startsWith("D") && withheldScopes.contains("im:history")) {
            return api.failure("missing_scope").put("needed", "im:history");
        }
        if (in(channel).isEmpty() && !channel.equals(FakeSlackApi.CHANNEL) && !channel.startsWith("D")) {
            return api.failure("channel_not_found");
        }
        double oldest = Double.parseDouble(form.getOrDefault("oldest", "0"));
        int limit = Math.min(999, Integer.parseInt(form.getOrDefault("limit", "100")));
        int offset = Integer.parseInt(form.getOrDefault("cursor", "0").replace("page_", ""));
        boolean metadata = "true".equals(form.get("include_all_metadata"));
        List<Message> newer = in(channel).stream().filter(m -> Double.parseDouble(m.ts()) > oldest)
                .sorted(Comparator.comparing(Message::ts).reversed()).toList();
        ObjectNode answer = api.ok();
        ArrayNode page = answer.putArray("messages");
        newer.stream().skip(offset).limit(limit).forEach(m -> {
            ObjectNode json = page.addObject().put("type", "message").put("subtype", "bot_message")
                    .put("text", m.text()).put("ts", m.ts()).put("bot_id", FakeSlackApi.BOT_ID)
                    .put("app_id", FakeSlackApi.APP_ID);
            if (metadata && m.metadata() != null) {
                json.set("metadata", m.metadata());
            }
        });
        boolean more = newer.size() > offset + limit;
        answer.put("has_more", more);
        answer.putObject("response_metadata").put("next_cursor", more ? "page_" + (offset + limit) : "");
        return answer;
    }

    private static String dm(String user) {
        return "D" + user.substring(1);
    }

    private String ts() {
        return Instant.now().getEpochSecond() + "." + String.format("%06d", counter.getAndIncrement() % 1_000_000);
    }
}
