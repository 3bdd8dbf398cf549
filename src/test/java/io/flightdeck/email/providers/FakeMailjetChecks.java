package io.flightdeck.email.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link FakeMailjet}'s checks of one message of {@code Messages}, each refusal as Mailjet's error object: the code
 * and status from the Send API errors table, the properties it relates to.
 */
final class FakeMailjetChecks {

    /** Good enough to tell an address from a typo; Mailjet's own rule is not published. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private FakeMailjetChecks() {
    }

    static List<ObjectNode> check(JsonMapper json, JsonNode message, String sender) {
        List<ObjectNode> errors = new ArrayList<>();
        if (!message.isObject()) {
            errors.add(error(json, "mj-0004", 400, "Type mismatch. Expected type object.", "Messages"));
            return errors;
        }
        for (Map.Entry<String, JsonNode> property : message.properties()) {
            if (!FakeMailjet.PROPERTIES.contains(property.getKey())) {
                errors.add(error(json, "fake-unknown-property", 400, "Unknown property " + property.getKey(),
                        property.getKey()));
            }
        }
        String from = message.path("From").path("Email").asString("");
        if (from.isBlank()) {
            errors.add(error(json, "mj-0003", 400, "The From is mandatory but missing from the input", "From"));
        } else if (!from.equalsIgnoreCase(sender)) {
            errors.add(error(json, "send-0008", 403, "The sender address is not an authorized sender for this API key.",
                    "From"));
        }
        JsonNode to = message.path("To");
        if (!to.isArray() || to.isEmpty()) {
            errors.add(error(json, to.isArray() ? "mj-0007" : "mj-0003", 400, "The To is mandatory but missing from"
                    + " the input", "To"));
        } else if (to.size() > 50) {
            errors.add(error(json, "send-0015", 400, "The total number of recipients is over the limit.", "To"));
        } else {
            for (int i = 0; i < to.size(); i++) {
                String email = to.get(i).path("Email").asString("");
                if (email.isBlank()) {
                    errors.add(error(json, "mj-0012", 400, "An empty string is not allowed.", "To[" + i + "].Email"));
                } else if (!EMAIL.matcher(email).matches()) {
                    errors.add(error(json, "mj-0013", 400, "The email address is invalid.", "To[" + i + "].Email"));
                }
            }
        }
        if (message.path("Subject").asString("").length() > 255) {
            errors.add(error(json, "mj-0006", 400, "Subject is longer than 255 characters.", "Subject"));
        }
        if (message.path("TextPart").asString("").isEmpty() && message.path("HTMLPart").asString("").isEmpty()
                && !message.has("TemplateID")) {
            errors.add(error(json, "send-0003", 400, "At least HTMLPart, TextPart or TemplateID must be provided.",
                    "HTMLPart", "TextPart", "TemplateID"));
        }
        if (message.has("CustomID") && !message.get("CustomID").isString()) {
            errors.add(error(json, "mj-0004", 400, "Type mismatch. Expected type string.", "CustomID"));
        }
        for (Map.Entry<String, JsonNode> header : message.path("Headers").properties()) {
            if (FakeMailjet.FORBIDDEN_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                errors.add(error(json, "send-0011", 400, "This header has a property of its own; use the property.",
                        "Headers[" + header.getKey() + "]"));
            } else if (!header.getValue().isString()) {
                errors.add(error(json, "mj-0004", 400, "Type mismatch. Expected type string.",
                        "Headers[" + header.getKey() + "]"));
            }
        }
        return errors;
    }

    private static ObjectNode error(JsonMapper json, String code, int status, String message, String... relatedTo) {
        ObjectNode error = json.createObjectNode().put("ErrorIdentifier", UUID.randomUUID().toString())
                .put("ErrorCode", code).put("StatusCode", status).put("ErrorMessage", message);
        ArrayNode related = error.putArray("ErrorRelatedTo");
        for (String property : relatedTo) {
            related.add(property);
        }
        return error;
    }
}
