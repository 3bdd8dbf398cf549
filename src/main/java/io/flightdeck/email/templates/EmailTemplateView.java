package io.flightdeck.email.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A template as the API and the editor show it. Built-ins have ids such as {@code builtin-welcome}, no author and
 * version 0; a workspace's own have their UUID. {@code removed} says what the sanitiser took out of the HTML on the
 * save that answers it (a script, an onclick), and is empty on reads.
 */
public record EmailTemplateView(String id, String name, EmailTemplateKind kind, boolean builtIn, String subject,
        String preheader, String html, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy,
        long version, List<String> removed) {

    public EmailContent content() {
        return new EmailContent(subject, preheader, html);
    }
}
