package io.flightdeck.email.sending;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.InvalidInputException;

/**
 * An email's content and audience as a person gives them, checked: a name, a subject on one line, an optional
 * preheader, the HTML (already sanitised by the caller), the template it started from, and at least one audience:
 * lists, a segment, or both (a contact in either, counted once).
 */
record EmailDraft(String name, String subject, String preheader, String html, String templateId,
        List<UUID> listIds, UUID segmentId) {

    public static final int MAX_LISTS = 20;
    public static final int MAX_HTML = 500_000;

    public EmailDraft {
        name = required("name", name, 200, "Name the email");
        subject = required("subject", subject, 300, "Give the email a subject");
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new InvalidInputException("subject", "A subject is one line");
        }
        preheader = optional("preheader", preheader, 300);
        if (html == null || html.isBlank()) {
            throw new InvalidInputException("html", "Give the email a body");
        }
        if (html.length() > MAX_HTML) {
            throw new InvalidInputException("html", "The body is longer than " + MAX_HTML + " characters");
        }
        templateId = optional("templateId", templateId, 64);
        List<UUID> lists = listIds == null ? List.of() : listIds;
        if (lists.size() > MAX_LISTS) {
            throw new InvalidInputException("listIds", "At most " + MAX_LISTS + " lists");
        }
        if (lists.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("listIds", "A list id is missing");
        }
        listIds = List.copyOf(new LinkedHashSet<>(lists));
    }

    /** The same draft with other content: what an update that only names some fields keeps of the rest. */
    EmailDraft with(String newName, String newSubject, String newPreheader, String newHtml, String newTemplateId,
            List<UUID> newListIds, UUID newSegmentId, boolean clearSegment) {
        return new EmailDraft(newName != null ? newName : name, newSubject != null ? newSubject : subject,
                newPreheader != null ? newPreheader : preheader, newHtml != null ? newHtml : html,
                newTemplateId != null ? newTemplateId : templateId,
                newListIds != null ? new ArrayList<>(newListIds) : listIds,
                clearSegment ? null : newSegmentId != null ? newSegmentId : segmentId);
    }

    /** Whether it names anyone to send to. */
    boolean hasAudience() {
        return !listIds.isEmpty() || segmentId != null;
    }

    private static String required(String field, String value, int max, String missing) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new InvalidInputException(field, missing);
        }
        return v;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "Longer than " + max + " characters");
        }
        return v;
    }
}
