package io.flightdeck.email.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link FakeSendGrid}'s checks of a v3 Mail Send body, each problem as SendGrid's error object, with the field it names
 * and the words of SendGrid's Mail Send errors reference.
 */
final class FakeSendGridChecks {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The top-level properties of the published schema. */
    static final Set<String> MAIL = Set.of("personalizations", "from", "reply_to", "reply_to_list", "subject", "content",
            "attachments", "template_id", "headers", "categories", "custom_args", "send_at", "batch_id", "asm",
            "ip_pool_name", "mail_settings", "tracking_settings");
    static final Set<String> PERSONALIZATION = Set.of("from", "to", "cc", "bcc", "subject", "headers",
            "substitutions", "dynamic_template_data", "custom_args", "send_at");
    /** Headers SendGrid sets itself; lower case. */
    static final Set<String> RESERVED = Set.of("x-sg-id", "x-sg-eid", "received", "dkim-signature", "content-type",
            "content-transfer-encoding", "to", "from", "subject", "reply-to", "cc", "bcc");
    static final String ORDER = "Following RFC 1341, section 7.2, if either text/html or text/plain are to be sent in"
            + " your email: text/plain needs to be first, followed by text/html, followed by any other content.";

    private FakeSendGridChecks() {
    }

    static List<ObjectNode> check(JsonMapper json, JsonNode mail) {
        List<ObjectNode> errors = new ArrayList<>();
        unknown(json, mail, MAIL, "", errors);
        JsonNode personalizations = mail.path("personalizations");
        if (!personalizations.isArray() || personalizations.isEmpty()) {
            errors.add(error(json, "You must have at least one personalization.", "personalizations"));
        } else if (personalizations.size() > 1000) {
            errors.add(error(json, "The personalization block is limited to 1000 personalizations per API request.",
                    "personalizations"));
        } else {
            for (int i = 0; i < personalizations.size(); i++) {
                personalization(json, personalizations.get(i), "personalizations." + i, mail, errors);
            }
        }
        if (!EMAIL.matcher(mail.path("from").path("email").asString("")).matches()) {
            errors.add(error(json, "The from object must be provided for every email send. It is an object that"
                    + " requires the email parameter, but may also contain a name parameter.", "from"));
        }
        content(json, mail.path("content"), errors);
        strings(json, mail.path("headers"), "headers", true, errors);
        strings(json, mail.path("custom_args"), "custom_args", false, errors);
        return errors;
    }

    private static void personalization(JsonMapper json, JsonNode personalization, String at, JsonNode mail,
            List<ObjectNode> errors) {
        unknown(json, personalization, PERSONALIZATION, at + ".", errors);
        JsonNode to = personalization.path("to");
        if (!to.isArray() || to.isEmpty()) {
            errors.add(error(json, "The to parameter is required for all personalization objects.", at + ".to"));
        } else {
            for (int j = 0; j < to.size(); j++) {
                if (!EMAIL.matcher(to.get(j).path("email").asString("")).matches()) {
                    errors.add(error(json, "Does not contain a valid address.", at + ".to." + j + ".email"));
                }
            }
        }
        if (personalization.path("subject").asString("").isEmpty() && mail.path("subject").asString("").isEmpty()) {
            errors.add(error(json, "The subject is required. You can get around this requirement if you use a template"
                    + " with a subject defined.", "subject"));
        }
        strings(json, personalization.path("headers"), at + ".headers", true, errors);
        strings(json, personalization.path("custom_args"), at + ".custom_args", false, errors);
    }

    private static void content(JsonMapper json, JsonNode content, List<ObjectNode> errors) {
        if (!content.isArray() || content.isEmpty()) {
            errors.add(error(json, "There must be at least one defined content block. We typically suggest both"
                    + " text/plain and text/html blocks are included, but only one block is required.", "content"));
            return;
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            String type = content.get(i).path("type").asString("");
            types.add(type.toLowerCase(Locale.ROOT));
            if (type.isEmpty()) {
                errors.add(error(json, "A content type is required, this tells email clients how to display the"
                        + " email.", "content." + i + ".type"));
            }
            if (content.get(i).path("value").asString("").isEmpty()) {
                errors.add(error(json, "The content value must be a string at least one character in length.",
                        "content." + i + ".value"));
            }
        }
        int plain = types.indexOf("text/plain");
        int html = types.indexOf("text/html");
        if (plain > 0 || (html >= 0 && html != (plain == 0 ? 1 : 0))) {
            errors.add(error(json, ORDER, "content"));
        }
    }

    /** A map of string values (headers, custom arguments); headers may not use SendGrid's reserved names. */
    private static void strings(JsonMapper json, JsonNode map, String at, boolean headers, List<ObjectNode> errors) {
        if (map.isMissingNode()) {
            return;
        }
        if (!headers && map.isObject() && map.isEmpty()) {
            errors.add(error(json, "custom_args cannot be empty.", at));
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            if (!entry.getValue().isString()) {
                errors.add(error(json, headers ? "The header values must be strings."
                        : "All values of custom arguments object must be strings", at));
            } else if (headers && RESERVED.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                errors.add(error(json, "Header can not be one of the reserved keys.", at));
            }
        }
    }

    private static void unknown(JsonMapper json, JsonNode node, Set<String> known, String at, List<ObjectNode> errors) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                errors.add(error(json, "Unknown property " + at + name, "fake-unknown-property"));
            }
        }
    }

    private static ObjectNode error(JsonMapper json, String message, String field) {
        return json.createObjectNode().put("message", message).put("field", field)
                .put("help", FakeSendGrid.HELP + field.replaceAll("\\.\\d+", ""));
    }
}
