package io.flightdeck.email.contacts;

import java.time.Instant;

import io.flightdeck.shared.InvalidInputException;

/**
 * The basis on which a contact may be mailed: where consent came from and its evidence (the words of the form, the
 * file and where its consent came from, a member's note), and when it was given (now when not said). Evidence is
 * required: a basis nobody can describe is no basis.
 */
public record ContactConsent(ConsentSource source, String evidence, Instant at) {

    public ContactConsent {
        if (source == null) {
            throw new InvalidInputException("consent.source", "Say where consent came from: FORM, IMPORT, API or MANUAL");
        }
        if (source == ConsentSource.DOUBLE_OPT_IN) {
            throw new InvalidInputException("consent.source", "Double opt-in is recorded when the person confirms; "
                    + "ask for it with doubleOptIn");
        }
        evidence = evidence == null ? "" : evidence.strip();
        if (evidence.isEmpty()) {
            throw new InvalidInputException("consent.evidence", "Describe the consent: the form's words, the file it "
                    + "came from, or how the person agreed");
        }
        if (evidence.length() > 500) {
            throw new InvalidInputException("consent.evidence", "The evidence is longer than 500 characters");
        }
    }
}
