package io.flightdeck.notifications.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecisions.Decision;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.webhooks.HmacHeaderScheme;
import io.flightdeck.shared.webhooks.WebhookRejectedException;
import io.flightdeck.shared.webhooks.WebhookRequest;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Slack sends when someone clicks in a Flightdeck message or submits its modal, answered within Slack's three
 * seconds: the signature is verified first ({@code v0} HMAC over the timestamp and the raw body, five minutes of skew
 * at most, compared in constant time: the webhook kit), then Approve is recorded and queued, Reject and Request
 * changes open a modal asking why (its submission is recorded and queued the same way). The decision itself runs
 * afterwards ({@link SlackDecisions}).
 */
@Service
public class SlackInteractions {

    /** The modal's callback id and its one input's ids. */
    static final String REASON_VIEW = "approval.reason";
    static final String REASON_BLOCK = "reason";
    static final String REASON_INPUT = "text";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SlackProperties properties;
    private final SlackConnections connections;
    private final SlackDecisions decisions;
    private final SlackWebApi slack;
    private final Clock clock;

    SlackInteractions(SlackProperties properties, SlackConnections connections, SlackDecisions decisions,
            SlackWebApi slack, Clock clock) {
        this.properties = properties;
        this.connections = connections;
        this.decisions = decisions;
        this.slack = slack;
        this.clock = clock;
    }

    /**
     * Handles one request from Slack; answers the body Slack expects back (empty, or a modal's field errors).
     *
     * @throws WebhookRejectedException when the signature does not verify, before anything is read
     */
    public Optional<Map<String, Object>> receive(WebhookRequest request) {
        if (properties.signingSecret().isBlank()) {
            throw new WebhookRejectedException("This installation has no Slack signing secret (flightdeck.slack.signing-secret)");
        }
        HmacHeaderScheme.slack(List.of(properties.signingSecret()), clock).verify(request);
        JsonNode payload;
        try {
            payload = JSON.readTree(form(new String(request.body(), StandardCharsets.UTF_8)).getOrDefault("payload", "{}"));
        } catch (RuntimeException e) {
            throw new InvalidInputException("payload", "is not the JSON Slack sends");
        }
        String type = payload.path("type").asString("");
        if (type.equals("block_actions")) {
            JsonNode action = payload.path("actions").path(0);
            Decision decision = decision(action.path("action_id").asString(""));
            if (decision == null) {
                return Optional.empty(); // the Open button: Slack opens the link itself
            }
            SlackClick click = click(action.path("value").asString(""), payload, decision, null,
                    payload.path("container").path("channel_id").asString(null),
                    payload.path("container").path("message_ts").asString(null));
            if (decision == Decision.APPROVE) {
                decisions.record(click);
            } else {
                askWhy(click, payload.path("trigger_id").asString(""));
            }
            return Optional.empty();
        }
        if (type.equals("view_submission") && REASON_VIEW.equals(payload.path("view").path("callback_id").asString(""))) {
            String[] meta = payload.path("view").path("private_metadata").asString("").split("\\|", -1);
            String text = payload.path("view").path("state").path("values").path(REASON_BLOCK).path(REASON_INPUT)
                    .path("value").asString("").strip();
            if (text.isEmpty()) {
                return Optional.of(Map.of("response_action", "errors", "errors",
                        Map.of(REASON_BLOCK, "Say why, so the requester can act on it")));
            }
            if (meta.length == 6) {
                decisions.record(click(meta[0] + "|" + meta[1] + "|" + meta[2], payload, Decision.valueOf(meta[3]),
                        text.length() > 2000 ? text.substring(0, 2000) : text, blankToNull(meta[4]), blankToNull(meta[5])));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Reject and Request changes need words: a modal asks for them (the trigger is good for three seconds). */
    private void askWhy(SlackClick click, String triggerId) {
        TenantScope.run(click.workspaceId(), () -> connections.bot().ifPresent(bot -> slack.openView(bot.token(),
                triggerId, SlackModals.reason(REASON_VIEW, REASON_BLOCK, REASON_INPUT, String.join("|",
                        click.workspaceId().toString(), click.approvalId().toString(), click.round(),
                        click.decision().name(), nullToBlank(click.channel()), nullToBlank(click.messageTs())),
                        click.decision() == Decision.REJECT))));
    }

    private static SlackClick click(String value, JsonNode payload, Decision decision, String text, String channel,
            String ts) {
        String[] parts = value.split("\\|");
        if (parts.length != 3) {
            throw new InvalidInputException("value", "names no approval Flightdeck sent");
        }
        UUID workspaceId;
        UUID approvalId;
        try {
            workspaceId = UUID.fromString(parts[0]);
            approvalId = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("value", "names no approval Flightdeck sent");
        }
        return new SlackClick(workspaceId, approvalId, parts[2],
                payload.path("team").path("id").asString(payload.path("user").path("team_id").asString("")),
                payload.path("user").path("id").asString(""), decision, text, channel, ts,
                payload.path("response_url").asString(null));
    }

    private static Decision decision(String actionId) {
        return switch (actionId) {
            case SlackBlocks.APPROVE -> Decision.APPROVE;
            case SlackBlocks.REJECT -> Decision.REJECT;
            case SlackBlocks.REQUEST_CHANGES -> Decision.REQUEST_CHANGES;
            default -> null;
        };
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String nullToBlank(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
