package io.flightdeck.email.templates;

import java.util.UUID;

import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.settings.EmailSettings;
import org.springframework.stereotype.Service;

/** A template rendered for the editor's preview: with a chosen contact's data or sample data, and the real footer. */
@Service
public class TemplatePreviews {

    private final Contacts contacts;
    private final EmailSettings settings;
    private final TestSends testSends;

    TemplatePreviews(Contacts contacts, EmailSettings settings, TestSends testSends) {
        this.contacts = contacts;
        this.settings = settings;
        this.testSends = testSends;
    }

    /**
     * Not found for another workspace's contact; bad merge tags are a 400 naming where, and a link the send could not
     * track a 400 naming the link, as when the email is saved.
     */
    public RenderedEmail preview(EmailContent content, UUID contactIdOrNull) {
        EmailLinks.check(content.html(), "html");
        return render(content, contactIdOrNull);
    }

    /** The same without the link check: what an approver sees of an email as it was stored, whatever its links. */
    public RenderedEmail render(EmailContent content, UUID contactIdOrNull) {
        var contact = contactIdOrNull == null ? null : contacts.get(contactIdOrNull);
        return EmailRendering.prepare(content).render(TestSends.values(contact), testSends.footer(settings.current()));
    }
}
