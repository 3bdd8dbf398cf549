package io.flightdeck.email.templates;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A template in a list: built-ins first, with a null update time. */
public record EmailTemplateSummary(String id, String name, EmailTemplateKind kind, boolean builtIn, String subject,
        @Nullable Instant updatedAt, long version) {
}
