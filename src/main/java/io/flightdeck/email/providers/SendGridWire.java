package io.flightdeck.email.providers;

import java.util.List;
import java.util.Map;

/** SendGrid's v3 Mail Send request and error answer as {@link SendGridMailApi} sends and reads them. */
final class SendGridWire {

    private SendGridWire() {
    }

    record Mail(List<Personalization> personalizations, Address from, Address reply_to, String subject,
            List<Content> content) {
    }

    /** One envelope: its recipient, subject, headers and custom arguments (which come back on its events). */
    record Personalization(List<Address> to, String subject, Map<String, String> headers,
            Map<String, String> custom_args) {
    }

    record Address(String email, String name) {
    }

    record Content(String type, String value) {
    }

    /** {@code {errors:[{message, field, help}]}} with any 4xx or 5xx. */
    record Errors(List<Error> errors) {
    }

    record Error(String message, String field, Object help) {
    }
}
