package io.flightdeck.email.providers;

import java.time.Instant;
import java.util.List;

import io.flightdeck.email.providers.ProviderEvent.Kind;
import io.flightdeck.email.providers.ProviderEvent.Provider;
import io.flightdeck.shared.crypto.Hashing;
import tools.jackson.databind.JsonNode;

/**
 * Mailjet's Event API posts, read into {@link ProviderEvent}s: a JSON array of events (a callback of version 2, or
 * with Group Events checked) or one event object (the older ungrouped mode). Each event has {@code event},
 * {@code time} (Unix seconds), {@code email}, {@code MessageID}, {@code Message_GUID} and the {@code CustomID} the
 * message was sent with, plus {@code url}, {@code ip} and {@code agent} for opens and clicks and {@code hard_bounce}
 * for bounces.
 * <p>
 * The kinds: {@code sent} is {@link Kind#DELIVERED} (Mailjet sends it when the receiving server accepted the
 * message); {@code bounce} is hard or soft by {@code hard_bounce}; {@code blocked} is {@link Kind#DROPPED} (Mailjet
 * did not try the address); {@code spam}, {@code unsub}, {@code open} and {@code click} as named. Any other event is
 * skipped: Mailjet may add types, and refusing a delivery for one would make Mailjet resend it for a day.
 * <p>
 * Mailjet gives events no id, and resends a whole post when it got no 200, so the dedup key is a hash of what tells
 * two events apart: type, message id, time and link (the message's GUID, or else the address, stands in for a missing
 * message id, so that two recipients' events never share a key). Mailjet signs nothing; its posts are checked by the Basic
 * credentials in the callback address ({@code io.flightdeck.shared.webhooks.BasicAuthScheme}) before they get here.
 */
public final class MailjetEvents {

    private static final String PROVIDER = "Mailjet";

    private MailjetEvents() {
    }

    /** The events Flightdeck acts on, in the order posted; unknown types left out. */
    public static List<ProviderEvent> parse(byte[] body) {
        return EventJson.parse(PROVIDER, body, MailjetEvents::kind, MailjetEvents::event);
    }

    private static Kind kind(String type, JsonNode event) {
        return switch (type) {
            case "sent" -> Kind.DELIVERED;
            case "open" -> Kind.OPENED;
            case "click" -> Kind.CLICKED;
            case "bounce" -> EventJson.isTrue(event, "hard_bounce") ? Kind.BOUNCED_HARD : Kind.BOUNCED_SOFT;
            case "spam" -> Kind.COMPLAINED;
            case "blocked" -> Kind.DROPPED;
            case "unsub" -> Kind.UNSUBSCRIBED;
            default -> null;
        };
    }

    private static ProviderEvent event(Kind kind, String type, JsonNode event, int index) {
        Instant at = EventJson.epochSeconds(PROVIDER, event, "time", index);
        // MessageID is the number; mj_message_id the same as text, in older posts
        String messageId = EventJson.text(event, "MessageID");
        if (messageId == null || messageId.equals("0")) {
            messageId = EventJson.text(event, "mj_message_id");
        }
        String url = EventJson.text(event, "url");
        String message = messageId != null ? messageId : EventJson.text(event, "Message_GUID") != null
                ? EventJson.text(event, "Message_GUID") : "email:" + EventJson.text(event, "email");
        String dedupKey = Hashing.sha256Hex(type + "\n" + message + "\n" + at.getEpochSecond() + "\n"
                + (url == null ? "" : url));
        return new ProviderEvent(Provider.MAILJET, kind, dedupKey, EventJson.text(event, "CustomID"), messageId,
                EventJson.text(event, "email"), at, url, EventJson.text(event, "agent"), EventJson.text(event, "ip"));
    }
}
