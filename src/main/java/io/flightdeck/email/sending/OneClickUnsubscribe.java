package io.flightdeck.email.sending;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * RFC 8058's one-click unsubscribe, offered only where the RFC allows it: {@code List-Unsubscribe-Post} goes with a
 * {@code List-Unsubscribe} address that is https, never with a plain http one (a mail client must not POST a person's
 * unsubscribe over an unencrypted connection). The unsubscribe links are made under {@code flightdeck.base-url}, and
 * under http://localhost when it is not set, so one-click is on exactly when the base URL is an https address; the
 * email's readiness says so when it is off.
 */
@Component
class OneClickUnsubscribe {

    static final String POST_HEADER = "List-Unsubscribe-Post";

    private final String baseUrl;

    OneClickUnsubscribe(@Value("${flightdeck.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip();
    }

    /** The unsubscribe header fields for this address: always {@code List-Unsubscribe}, the POST field when https. */
    static Map<String, String> headers(String unsubscribeUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        if (isHttps(unsubscribeUrl)) {
            headers.put(POST_HEADER, "List-Unsubscribe=One-Click");
        }
        return headers;
    }

    /** The readiness item: a note, never a blocker, saying why one-click is off and how to turn it on. */
    EmailReadinessItem item() {
        String label = "One-click unsubscribe in mail apps";
        if (isHttps(baseUrl)) {
            return EmailReadinessItem.done("one-click-unsubscribe", label, "Mail apps can offer their own Unsubscribe "
                    + "button: the unsubscribe address is https.", null);
        }
        return EmailReadinessItem.note("one-click-unsubscribe", label, "Off: mail apps such as Gmail and Apple Mail "
                + "show their own Unsubscribe button only for an https address, and this installation's address is "
                + (baseUrl.isEmpty() ? "not set (links use http://localhost)" : baseUrl) + ". Ask whoever runs "
                + "Flightdeck to set FLIGHTDECK_BASE_URL to its public https address. Every email still carries "
                + "its unsubscribe link in the footer and in the List-Unsubscribe header.", null);
    }

    private static boolean isHttps(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
