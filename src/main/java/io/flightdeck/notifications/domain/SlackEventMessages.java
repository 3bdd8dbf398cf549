package io.flightdeck.notifications.domain;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.notifications.slack.SlackBlocks;
import io.flightdeck.shared.outbound.OutboundClient;
import tools.jackson.databind.JsonNode;

/**
 * An outgoing webhook's event as the body a Slack incoming webhook takes: its title, what happened and a link, as
 * Block Kit, with the event type as the context line. Built from the stored event when it is sent, so a replay posts
 * the same message.
 */
final class SlackEventMessages {

    private SlackEventMessages() {
    }

    static byte[] of(String storedEvent) {
        JsonNode event = OutboundClient.jsonMapper().readTree(storedEvent);
        JsonNode data = event.path("data");
        String type = event.path("type").asString("");
        String title = data.path("title").asString(data.path("message").asString("Flightdeck: " + type));
        String body = data.path("title").isMissingNode() ? null : data.path("body").asString(null);
        String link = data.path("link").asString(null);
        SlackBlocks.Message message = SlackBlocks.notification(title, body, "Flightdeck event " + type,
                link == null ? null : URI.create(link));
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("text", message.text());
        post.put("blocks", message.blocks());
        return OutboundClient.jsonMapper().writeValueAsBytes(post);
    }
}
