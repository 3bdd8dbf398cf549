package io.flightdeck.notifications.slack;

import java.util.List;
import java.util.Map;

/**
 * The modal a Reject or Request changes click opens: one multi-line input for the reason, Slack's documented view
 * shape ({@code type: modal}, {@code callback_id}, {@code private_metadata} carrying what the click was about).
 */
final class SlackModals {

    private SlackModals() {
    }

    static Map<String, Object> reason(String callbackId, String blockId, String inputId, String metadata,
            boolean reject) {
        String title = reject ? "Reject" : "Request changes";
        String label = reject ? "Why is it rejected?" : "What should change?";
        return Map.of("type", "modal", "callback_id", callbackId, "private_metadata", metadata,
                "title", plain(title), "submit", plain(reject ? "Reject" : "Send"), "close", plain("Cancel"),
                "blocks", List.of(Map.of("type", "input", "block_id", blockId, "label", plain(label),
                        "element", Map.of("type", "plain_text_input", "action_id", inputId, "multiline", true,
                                "max_length", 2000))));
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text);
    }
}
