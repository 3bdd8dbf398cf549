package io.flightdeck.email.templates;

import java.time.Instant;

/** A template in a list: built-ins first, with a null update time. */
public record EmailTemplateSummary(String id, String name, EmailTemplateKind kind, boolean builtIn, String subject,
        Instant updatedAt, long version) {
}
