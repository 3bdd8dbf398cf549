package io.flightdeck.email.sending;

import io.flightdeck.shared.InvalidInputException;

/**
 * A variant B, C or D of an A/B test: the subject, preheader and, or, body it sends instead of the email's own (A);
 * what it leaves out (null) is the email's. The body is sanitised and its merge fields checked before it is kept.
 */
record AbVariant(String key, String subject, String preheader, String html) {

    public AbVariant {
        if (subject != null && (subject.isBlank() || subject.length() > 300 || subject.indexOf('\n') >= 0
                || subject.indexOf('\r') >= 0)) {
            throw new InvalidInputException("variants", "Variant " + key + ": a subject is one line of 1 to 300 characters");
        }
        if (preheader != null && preheader.length() > 300) {
            throw new InvalidInputException("variants", "Variant " + key + ": the preheader is longer than 300 characters");
        }
        if (html != null && (html.isBlank() || html.length() > EmailDraft.MAX_HTML)) {
            throw new InvalidInputException("variants", "Variant " + key + ": the body is empty or longer than "
                    + EmailDraft.MAX_HTML + " characters");
        }
        if (subject == null && preheader == null && html == null) {
            throw new InvalidInputException("variants", "Variant " + key
                    + " changes nothing: give it a subject, a preheader or a body of its own");
        }
    }
}
