package io.flightdeck.email.contacts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact as the API and the pages show it. {@code consent} is null for a contact nobody has a basis to mail yet (one
 * waiting for their double opt-in, say), which the send's readiness counts.
 */
public record ContactView(UUID id, String email, @Nullable String name, Map<String, String> attributes,
        @Nullable String timeZone, ContactStatus status, @Nullable String statusReason, Instant statusChangedAt,
        @Nullable Consent consent, boolean awaitingOptIn, Instant createdAt, Instant updatedAt, long version) {

    /**
     * The consent a contact gave: its source, the evidence (the form's words, the file, the note) and when; for a
     * double opt-in, when they confirmed and (only where the workspace keeps it) the address they confirmed from.
     */
    public record Consent(ConsentSource source, String evidence, Instant at, @Nullable Instant confirmedAt,
            @Nullable String address) {
    }
}
