package io.flightdeck.notifications.domain;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.notifications.slack.SlackBlocks;
import io.flightdeck.shared.outbound.OutboundClient;
import tools.jackson.databind.JsonNode;

/**
 * An outgoing webhook's event as a Slack message (the body an incoming webhook takes, or the app's post): its title, what happened and a link, as
 * Block Kit, with the event type as the context line. Built from the stored event when it is sent, so a replay posts
 * the same message.
 */
final class SlackEventMessages {

    private SlackEventMessages() {
    }

    /** The body for an incoming webhook. */
    static byte[] of(String storedEvent) {
        SlackBlocks.Message message = message(storedEvent);
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("text", message.text());
        post.put("blocks", message.blocks());
        return OutboundClient.jsonMapper().writeValueAsBytes(post);
    }

    /** The message, for the app's bot to post. */
    static SlackBlocks.Message message(String storedEvent) {
        JsonNode event = OutboundClient.jsonMapper().readTree(storedEvent);
        JsonNode data = event.path("data");
        String type = event.path("type").asString("");
        String title = data.path("title").asString(data.path("message").asString("Flightdeck: " + type));
        String body = data.path("title").isMissingNode() ? null : data.path("body").asString(null);
        String link = data.path("link").asString(null);
        return SlackBlocks.notification(title, body, "Flightdeck event " + type,
                link == null ? null : URI.create(link));
    }
}
