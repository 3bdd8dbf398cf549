package io.flightdeck.notifications.slack;

import java.util.List;
import java.util.Map;

import io.flightdeck.notifications.slack.SlackBlocks.Block;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Slack's Web API requests and answers as {@link SlackWebApi} sends and reads them, in Slack's field names. */
final class SlackWire {

    private SlackWire() {
    }

    record ChatPost(String channel, String text, List<Block> blocks, SlackWebApi.Metadata metadata) {
    }

    record ChatUpdate(String channel, String ts, String text, List<Block> blocks) {
    }

    record WebhookPost(String text, List<Block> blocks) {
    }

    record ViewOpen(String trigger_id, Map<String, Object> view) {
    }

    record ViewAnswer(Boolean ok, String error) implements Answer {
    }

    record Response(String text, String response_type, Boolean replace_original) {
    }

    /** What every Web API answer carries. */
    interface Answer {
        Boolean ok();

        String error();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OauthAnswer(Boolean ok, String error, String appId, String accessToken, String tokenType, String scope,
            String botUserId, Team team, Webhook incomingWebhook) implements Answer {
    }

    record Team(String id, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Webhook(String channel, String channelId, String url) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AuthAnswer(Boolean ok, String error, String url, String team, String user, String teamId, String userId,
            String botId) implements Answer {
    }

    record ChatAnswer(Boolean ok, String error, String channel, String ts) implements Answer {
    }

    record UserAnswer(Boolean ok, String error, User user) implements Answer {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record User(String id, String name, String realName, Profile profile) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Profile(String email, String realName) {
    }

    record OpenAnswer(Boolean ok, String error, Channel channel) implements Answer {
    }

    record Channel(String id) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HistoryAnswer(Boolean ok, String error, List<HistoryMessage> messages, Boolean hasMore,
            Cursor responseMetadata) implements Answer {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HistoryMessage(String ts, String botId, HistoryMetadata metadata) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HistoryMetadata(String eventType, Map<String, Object> eventPayload) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Cursor(String nextCursor) {
    }
}
