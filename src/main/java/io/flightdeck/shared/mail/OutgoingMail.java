package io.flightdeck.shared.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param headers     header fields of its own, in order, such as {@code List-Unsubscribe} and
 *                    {@code List-Unsubscribe-Post} on a campaign's mail; set before the message is signed
 * @param attachments files sent with it (a scheduled report's PDF), after the text and HTML
 */
public record OutgoingMail(UUID workspaceId, String key, String to, String subject, String text, String html,
        Map<String, String> headers, List<Attachment> attachments) {

    /** A file carried by a mail: its name as the recipient sees it, its media type and its bytes. */
    public record Attachment(String fileName, String mediaType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(content, "content");
        }
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9.-]{1,100}");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,76}");

    public OutgoingMail {
        Objects.requireNonNull(workspaceId, "workspaceId");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A mail key is 1 to 100 letters, digits, dots or dashes, not " + key);
        }
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(headers, "headers");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String value = header.getValue();
            // a line break in a value would start a header (or the body) of the caller's choosing
            if (!HEADER_NAME.matcher(header.getKey()).matches() || value == null || value.indexOf('\r') >= 0
                    || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Not a header field a mail can carry: " + header.getKey());
            }
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A mail with header fields of its own and no files. */
    public OutgoingMail(UUID workspaceId, String key, String to, String subject, String text, String html,
            Map<String, String> headers) {
        this(workspaceId, key, to, subject, text, html, headers, List.of());
    }

    /** A mail with no header fields of its own (a notification). */
    public OutgoingMail(UUID workspaceId, String key, String to, String subject, String text, String html) {
        this(workspaceId, key, to, subject, text, html, Map.of(), List.of());
    }

    /** The {@code Message-ID} this mail carries, on every attempt. */
    public String messageId() {
        return "<" + key + "@flightdeck>";
    }
}
