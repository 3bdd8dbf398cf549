package io.flightdeck.shared.mail;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One email to send: to one address, with a text part and, usually, an HTML part. The key is the sender's idempotency
 * key (a ledger row's): it becomes the message's {@code Message-ID}, so a receiving server, a person and the outbox can
 * tell a resend of the same message from a new one.
 *
 * @param workspaceId the workspace it is sent for (the outbox keeps each workspace's mail apart)
 * @param key         letters, digits, dots and dashes, at most 100 characters
 */
public record OutgoingMail(UUID workspaceId, String key, String to, String subject, String text, String html) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9.-]{1,100}");

    public OutgoingMail {
        Objects.requireNonNull(workspaceId, "workspaceId");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A mail key is 1 to 100 letters, digits, dots or dashes, not " + key);
        }
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** The {@code Message-ID} this mail carries, on every attempt. */
    public String messageId() {
        return "<" + key + "@flightdeck>";
    }
}
