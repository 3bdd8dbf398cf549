package io.flightdeck.email.providers;

import java.time.Instant;
import java.util.List;

import io.flightdeck.email.providers.ProviderEvent.Kind;
import io.flightdeck.email.providers.ProviderEvent.Provider;
import io.flightdeck.shared.crypto.Hashing;
import tools.jackson.databind.JsonNode;

/**
 * SendGrid's Event Webhook posts, read into {@link ProviderEvent}s: a JSON array of events, each with {@code event},
 * {@code email}, {@code timestamp} (Unix seconds), {@code sg_event_id}, {@code sg_message_id}, and the message's
 * custom arguments at the top level, the ledger key among them ({@value SendGridMailApi#LEDGER_KEY_ARG}).
 * <p>
 * The kinds: {@code delivered}, {@code deferred}, {@code dropped}, {@code open}, {@code click} as named;
 * {@code bounce} is hard with {@code type} {@code bounce} (or none, as older posts have) and soft with {@code type}
 * {@code blocked}, which SendGrid documents as a temporary refusal; {@code spamreport} is a complaint;
 * {@code unsubscribe} and {@code group_unsubscribe} are unsubscribes. {@code processed} adds nothing to the 202 of
 * the send and {@code group_resubscribe} has no counterpart here, so they are skipped like any unknown type: refusing a
 * post for one would make SendGrid resend it.
 * <p>
 * The dedup key is {@code sg_event_id}, which SendGrid keeps across its retries; an event without one gets a hash of
 * type, message id, time, link and address. A signed webhook's signature is checked before the body gets here, by
 * {@code io.flightdeck.shared.webhooks.EcdsaHeaderScheme#sendGrid}.
 */
public final class SendGridEvents {

    private static final String PROVIDER = "SendGrid";

    private SendGridEvents() {
    }

    /** The events Flightdeck acts on, in the order posted; unknown types left out. */
    public static List<ProviderEvent> parse(byte[] body) {
        return EventJson.parse(PROVIDER, body, SendGridEvents::kind, SendGridEvents::event);
    }

    private static Kind kind(String type, JsonNode event) {
        return switch (type) {
            case "delivered" -> Kind.DELIVERED;
            case "deferred" -> Kind.DEFERRED;
            case "dropped" -> Kind.DROPPED;
            case "bounce" -> "blocked".equalsIgnoreCase(EventJson.text(event, "type")) ? Kind.BOUNCED_SOFT
                    : Kind.BOUNCED_HARD;
            case "open" -> Kind.OPENED;
            case "click" -> Kind.CLICKED;
            case "spamreport" -> Kind.COMPLAINED;
            case "unsubscribe", "group_unsubscribe" -> Kind.UNSUBSCRIBED;
            default -> null;
        };
    }

    private static ProviderEvent event(Kind kind, String type, JsonNode event, int index) {
        Instant at = EventJson.epochSeconds(PROVIDER, event, "timestamp", index);
        String messageId = EventJson.text(event, "sg_message_id");
        String email = EventJson.text(event, "email");
        String url = EventJson.text(event, "url");
        String dedupKey = EventJson.text(event, "sg_event_id");
        if (dedupKey == null) {
            dedupKey = "sha256:" + Hashing.sha256Hex(type + "\n" + messageId + "\n" + at.getEpochSecond() + "\n"
                    + (url == null ? "" : url) + "\n" + email);
        }
        return new ProviderEvent(Provider.SENDGRID, kind, dedupKey, EventJson.text(event, SendGridMailApi.LEDGER_KEY_ARG),
                messageId, email, at, url, EventJson.text(event, "useragent"), EventJson.text(event, "ip"));
    }
}
