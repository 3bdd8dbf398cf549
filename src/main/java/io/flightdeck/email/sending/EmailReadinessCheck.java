package io.flightdeck.email.sending;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.EmailRendering;
import io.flightdeck.email.templates.TestSends;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An email's readiness: everything that must hold before it may be sent, as a checklist with a way to fix each item.
 * The gate (campaign active, content approved, postal address), an audience, a test send of the content as it is now
 * (the digest of the last test must be the current one's: any change of subject, preheader or body makes it stale),
 * a consent basis for every recipient, suppression shown with how many it leaves out, every web link readable as the
 * send reads it, the sending domain's SPF, DKIM and DMARC records where mail really leaves, and a note when mail apps'
 * one-click unsubscribe is off (an http base URL). Sending now needs every item; scheduling all but those a scheduled
 * send waits for; a scheduled send that falls due checks again.
 */
@Service
public class EmailReadinessCheck {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final EmailCampaigns emails;
    private final SendGate gate;
    private final AudienceQuery audiences;
    private final AudienceCensus census;
    private final TestSends testSends;
    private final SenderDomainCheck domain;
    private final EmailSettings settings;
    private final OneClickUnsubscribe oneClick;

    EmailReadinessCheck(EmailCampaigns emails, SendGate gate, AudienceQuery audiences, AudienceCensus census,
            TestSends testSends, SenderDomainCheck domain, EmailSettings settings, OneClickUnsubscribe oneClick) {
        this.oneClick = oneClick;
        this.emails = emails;
        this.gate = gate;
        this.audiences = audiences;
        this.census = census;
        this.testSends = testSends;
        this.domain = domain;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public EmailReadiness check(UUID emailId) {
        return of(emails.find(emailId));
    }

    EmailReadiness of(EmailCampaign email) {
        UUID id = email.getId();
        String page = "/email/campaigns/" + id;
        EmailDraft draft = email.draft();
        List<EmailReadinessItem> items = new ArrayList<>(gate.items(email));
        if (!draft.hasAudience()) {
            items.add(noAudience(id));
        } else {
            AudienceCensus.Census counted = census.of(TenantScope.current(), audiences.of(draft.listIds(),
                    draft.segmentId()));
            items.add(counted.mailable() + counted.withoutConsent() == 0
                    ? EmailReadinessItem.blocked("audience", "An audience", "Nobody in the audience can be sent it "
                            + "now: its lists and segment have no subscribed contact.", page + "?step=audience")
                    : EmailReadinessItem.done("audience", "An audience", people(counted.mailable())
                            + " will get it.", page + "?step=audience"));
            items.add(counted.withoutConsent() == 0
                    ? EmailReadinessItem.done("consent", "Every recipient has a consent basis",
                            "Everyone it goes to has a recorded consent basis.", "/email/contacts")
                    : EmailReadinessItem.blocked("consent", "Every recipient has a consent basis",
                            people(counted.withoutConsent()) + " in the audience "
                                    + (counted.withoutConsent() == 1 ? "has" : "have")
                                    + " no consent basis: record where their consent came from, or leave them out.",
                            "/email/contacts?status=SUBSCRIBED"));
            items.add(EmailReadinessItem.done("suppression", "Suppression applied", counted.suppressed() == 0
                    ? "Nobody in the audience is unsubscribed, bounced or complained."
                    : people(counted.suppressed()) + " left out: unsubscribed, bounced, complained or waiting to "
                            + "confirm.", "/email/contacts"));
        }
        items.add(testSend(id, draft, page));
        items.add(links(draft, page));
        items.addAll(domain.items(settings.current().fromAddress()));
        items.add(oneClick.item());
        return EmailReadiness.of(id, items);
    }

    /**
     * Whether every web link can be tracked, read as the send reads it: an email saved before links were checked may
     * hold one that cannot, which the send would leave untracked.
     */
    static EmailReadinessItem links(EmailDraft draft, String page) {
        List<String> problems = EmailRendering.linkProblems(draft.html());
        if (problems.isEmpty()) {
            return EmailReadinessItem.done("links", "Every web link can be tracked", "Each web link becomes the "
                    + "recipient's own tracked link.", page + "?step=content");
        }
        return EmailReadinessItem.blocked("links", "Every web link can be tracked", problems.get(0)
                + (problems.size() > 1 ? " " + (problems.size() - 1) + " more cannot either." : "")
                + " Correct it in the content.", page + "?step=content");
    }

    /** The item of an email whose audience is not chosen yet. */
    static EmailReadinessItem noAudience(UUID emailId) {
        return EmailReadinessItem.blocked("audience", "An audience", "Choose a list or a segment to send to.",
                "/email/campaigns/" + emailId + "?step=audience");
    }

    /**
     * Whether a test of each email's content as it is now went out (a change of content makes an earlier one stale),
     * from one read of their tests; by email id.
     */
    Map<UUID, EmailReadinessItem> testSends(List<EmailCampaign> emails) {
        Map<UUID, Map<String, Instant>> sent = testSends.lastSentByContent(emails.stream().map(EmailCampaign::getId)
                .toList());
        Map<UUID, EmailReadinessItem> items = new HashMap<>();
        for (EmailCampaign email : emails) {
            Map<String, Instant> tests = sent.getOrDefault(email.getId(), Map.of());
            items.put(email.getId(), testSendItem(Optional.ofNullable(tests.get(digest(email.draft()))),
                    tests.values().stream().max(Comparator.naturalOrder()), "/email/campaigns/" + email.getId()));
        }
        return items;
    }

    private EmailReadinessItem testSend(UUID id, EmailDraft draft, String page) {
        Optional<Instant> current = testSends.lastSent(id, digest(draft));
        return testSendItem(current, current.isPresent() ? current : testSends.lastSentOfAnyContent(id), page);
    }

    private static String digest(EmailDraft draft) {
        return TestSends.digest(new EmailContent(draft.subject(), draft.preheader(), draft.html()));
    }

    /** The item from when this content's test and any content's test last went out. */
    private static EmailReadinessItem testSendItem(Optional<Instant> current, Optional<Instant> earlier, String page) {
        String fix = page + "?step=review#test-send";
        if (current.isPresent()) {
            return EmailReadinessItem.done("test-send", "A test of the current content", "A test of this content went "
                    + "out at " + WHEN.format(current.get()) + ".", fix);
        }
        return EmailReadinessItem.blocked("test-send", "A test of the current content", earlier.isPresent()
                ? "The content changed after the last test (" + WHEN.format(earlier.get()) + "): send a new test."
                : "No test has been sent: send yourself a test and read it in your inbox.", fix);
    }

    private static String people(long n) {
        return n == 1 ? "1 person" : n + " people";
    }
}
