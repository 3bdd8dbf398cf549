package io.flightdeck.email.sending;

import java.util.Map;

/** Who an email goes to, as a condition over {@code c} (email_contacts) with its named parameters. */
record Audience(String sql, Map<String, Object> params) {
}
