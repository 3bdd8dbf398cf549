package io.flightdeck.email.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.email.contacts.ConsentSource;
import io.flightdeck.email.contacts.ContactConsent;
import io.flightdeck.email.contacts.ContactDetails;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.shared.InvalidInputException;

/**
 * The contact form as typed: attributes one per line as {@code name = value}, consent as its source and evidence.
 * Public for the templates.
 */
record ContactForm(String email, String name, String timeZone, String attributes, ConsentSource consentSource,
        String consentEvidence) {

    /** The sources a person picks from; double opt-in is recorded when someone confirms, never chosen. */
    static final List<ConsentSource> SOURCES = List.of(ConsentSource.FORM, ConsentSource.IMPORT, ConsentSource.API,
            ConsentSource.MANUAL);

    static ContactForm empty() {
        return new ContactForm("", "", "", "", ConsentSource.MANUAL, "");
    }

    static ContactForm of(ContactView contact) {
        String lines = contact.attributes().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n"));
        return new ContactForm(contact.email(), contact.name() == null ? "" : contact.name(),
                contact.timeZone() == null ? "" : contact.timeZone(), lines, ConsentSource.MANUAL, "");
    }

    ContactDetails details() {
        return new ContactDetails(name, parsedAttributes(), timeZone);
    }

    ContactConsent consent() {
        return new ContactConsent(consentSource, consentEvidence, null);
    }

    private Map<String, String> parsedAttributes() {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (attributes == null || attributes.isBlank()) {
            return parsed;
        }
        int line = 0;
        for (String row : attributes.split("\\R")) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            int eq = row.indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException("attributes", "Line " + line + ": write each attribute as name = value");
            }
            parsed.put(row.substring(0, eq).strip(), row.substring(eq + 1).strip());
        }
        return parsed;
    }
}
