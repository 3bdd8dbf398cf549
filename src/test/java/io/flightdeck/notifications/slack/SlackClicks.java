package io.flightdeck.notifications.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * What Slack posts to the interactivity endpoint, in the shapes Slack documents (block_actions and view_submission
 * payloads, form-encoded as {@code payload=<json>}), signed as Slack signs: {@code v0=} HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>} with the app's signing secret.
 */
public final class SlackClicks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A body and the two headers Slack sends with it. */
    public record Signed(String body, String timestamp, String signature) {
    }

    private SlackClicks() {
    }

    /** A click on a button of a message in a DM channel. */
    public static String buttonClick(String userId, String actionId, String value, String channel, String ts,
            String responseUrl) {
        return form(Map.of("type", "block_actions", "team", Map.of("id", FakeSlackApi.TEAM_ID),
                "user", Map.of("id", userId, "team_id", FakeSlackApi.TEAM_ID), "api_app_id", FakeSlackApi.APP_ID,
                "trigger_id", "1700000000.1.fakeTrigger", "response_url", responseUrl,
                "container", Map.of("type", "message", "channel_id", channel, "message_ts", ts),
                "actions", List.of(Map.of("type", "button", "action_id", actionId, "block_id", "decide",
                        "value", value, "action_ts", "1700000001.000001"))));
    }

    /** The reason modal submitted. */
    public static String reasonSubmitted(String userId, String privateMetadata, String reason) {
        return form(Map.of("type", "view_submission", "team", Map.of("id", FakeSlackApi.TEAM_ID),
                "user", Map.of("id", userId, "team_id", FakeSlackApi.TEAM_ID),
                "view", Map.of("type", "modal", "callback_id", "approval.reason", "private_metadata", privateMetadata,
                        "state", Map.of("values", Map.of("reason", Map.of("text",
                                Map.of("type", "plain_text_input", "value", reason)))))));
    }

    public static Signed sign(String body, Instant at) {
        String timestamp = String.valueOf(at.getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FakeSlackApi.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return new Signed(body, timestamp, "v0=" + HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, Object> payload) {
        return "payload=" + URLEncoder.encode(JSON.writeValueAsString(payload), StandardCharsets.UTF_8);
    }
}
