package io.flightdeck.email.sending;

import java.util.UUID;

import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.TestSends;
import org.springframework.stereotype.Service;

/**
 * A test of an email campaign's content as it is now, through the test-send ledger: what its readiness asks for. The
 * ledger keeps the content's digest, so a later change of subject, preheader or body makes this test stale.
 */
@Service
public class EmailTestSends {

    private final EmailCampaigns emails;
    private final TestSends testSends;

    EmailTestSends(EmailCampaigns emails, TestSends testSends) {
        this.emails = emails;
        this.testSends = testSends;
    }

    /** Not transactional: the test-send ledger commits its row before the mail leaves. */
    public TestSends.TestSendView send(UUID emailId, String to, UUID contactIdOrNull) {
        EmailCampaignView email = emails.get(emailId);
        return testSends.send("CAMPAIGN", email.id(), new EmailContent(email.subject(), email.preheader(),
                email.html()), to, contactIdOrNull);
    }
}
