package io.flightdeck.email.templates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.email.contacts.EmailAddress;
import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.email.settings.SenderSettings;
import io.flightdeck.email.tracking.TrackingLinks;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.jobs.CrashHold;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.mail.MailTransport;
import io.flightdeck.shared.mail.OutgoingMail;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test sends of a template or a campaign, through the installation's mail transport and a ledger: the row is committed
 * before the call, so a crash leaves a QUEUED row rather than a mail nobody knows about, and its id becomes the mail's
 * Message-ID. A test goes only to the signed-in member's own address or to a contact of the workspace; its subject
 * starts with {@code [Test] }. Campaigns read {@link #lastSent} to know whether their current content was tested.
 * <p>
 * Its links are tracked exactly as the send tracks them ({@link TrackedEmail}, signed by {@link TrackingLinks}), so a
 * link that works in the test works in the send; the token names the test's row and the contact (or nobody), which no
 * send has, so a click on a test link goes on to its page and counts for nothing.
 */
@Service
public class TestSends {

    private static final Logger log = LoggerFactory.getLogger(TestSends.class);
    /** The contact a test's links name when it was rendered with sample data. */
    private static final UUID SAMPLE_CONTACT = new UUID(0, 0);

    public static final Set<String> SUBJECT_KINDS = Set.of("TEMPLATE", "CAMPAIGN");

    /**
     * One test send and how it went: WAITING for its job (a queued test), QUEUED (its attempt begun), SENT, or FAILED
     * with the reason in words.
     */
    public record TestSendView(UUID id, String subjectKind, UUID subjectId, String to, @Nullable UUID contactId,
            String state, @Nullable String error, Instant createdAt, @Nullable Instant sentAt) {
    }

    private final TestSendRepository sends;
    private final Contacts contacts;
    private final EmailSettings settings;
    private final MailTransport transport;
    private final TransactionTemplate transactions;
    private final PublicUrls urls;
    private final TrackingLinks links;
    private final Clock clock;
    /**
     * {@code flightdeck.email.test-send-hold-at} ({@code before-send}, {@code after-send}) holds the thread that
     * delivers a test for the crash test ({@code EmailTestSendCrashTests}); never set in production.
     */
    private final CrashHold hold;

    TestSends(TestSendRepository sends, Contacts contacts, EmailSettings settings, MailTransport transport,
            TransactionTemplate transactions, PublicUrls urls, TrackingLinks links, Clock clock,
            @Value("${flightdeck.email.test-send-hold-at:}") String holdAt) {
        this.hold = CrashHold.of("flightdeck.email.test-send-hold-at", holdAt, Set.of("before-send", "after-send"));
        this.links = links;
        this.sends = sends;
        this.contacts = contacts;
        this.settings = settings;
        this.transport = transport;
        this.transactions = transactions;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * Renders {@code content} with the contact's data ({@code contactIdOrNull}) or sample data, its links tracked as
     * the send tracks them, and sends it to {@code to}. Bad content (a malformed merge field, a link the send could
     * not track) or a refused address is a 400 before anything is written; a transport failure is recorded on the
     * row and answered, not thrown.
     */
    public TestSendView send(String subjectKind, UUID subjectId, EmailContent content, String to,
            UUID contactIdOrNull) {
        if (!SUBJECT_KINDS.contains(subjectKind)) {
            throw new InvalidInputException("subjectKind", "A test send is of a TEMPLATE or a CAMPAIGN");
        }
        Actor actor = CurrentActor.require();
        Checked checked = check(content, to, contactIdOrNull, actor.email());
        TestSend row = transactions.execute(tx -> sends.saveAndFlush(TestSend.started(subjectKind, subjectId,
                checked.digest(), checked.to().display(), contactIdOrNull, actor.userId(), clock.instant())));
        return deliver(row.getId(), actor.workspaceId(), checked);
    }

    /** A test checked and ready to render: the recipient, their contact (or none), the sender, the content's digest. */
    record Checked(EmailAddress to, @Nullable ContactView contact, SenderSettings sender, TrackedEmail tracked,
            String digest) {
    }

    /**
     * The checks of a test before anything is written: the address is the asker's own ({@code askerEmail}) or a
     * contact's, the chosen contact is the workspace's, and every link of the content is one the send could track.
     */
    Checked check(EmailContent content, String to, @Nullable UUID contactIdOrNull, @Nullable String askerEmail) {
        EmailAddress address = EmailAddress.of("to", to);
        boolean own = askerEmail != null && askerEmail.equalsIgnoreCase(address.key());
        if (!own && contacts.byAddress(address.display()).isEmpty()) {
            throw new InvalidInputException("to", "Send a test only to your own address or to a contact of this "
                    + "workspace");
        }
        ContactView contact = contactIdOrNull == null ? null : contacts.get(contactIdOrNull);
        SenderSettings sender = settings.current();
        EmailLinks.check(content.html(), "html");
        return new Checked(address, contact, sender, TrackedEmail.prepare(content), digest(content));
    }

    /**
     * Renders the test of the row {@code id}, whose attempt is committed, hands it to the transport and records SENT
     * or FAILED: a transport failure is recorded and answered, not thrown.
     */
    TestSendView deliver(UUID id, UUID workspaceId, Checked checked) {
        String base = urls.ofOrLocal("");
        UUID clicker = checked.contact() == null ? SAMPLE_CONTACT : checked.contact().id();
        RenderedEmail email = checked.tracked().render(values(checked.contact()), footer(checked.sender()),
                (index, target) -> links.clickUrl(base, id, clicker, index, target.address()),
                link -> log.warn("Test send {}: link {} goes out untracked: {}", id, link.index(), link.loggable()));
        String outcome;
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            if (checked.sender().replyTo() != null) {
                headers.put("Reply-To", checked.sender().replyTo());
            }
            hold.reached("before-send", "test send " + id);
            transport.send(new OutgoingMail(workspaceId, "test-" + id, checked.to().display(),
                    "[Test] " + email.subject(), email.text(), email.html(), headers));
            hold.reached("after-send", "test send " + id);
            outcome = null;
        } catch (RuntimeException e) {
            outcome = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String failure = outcome;
        return transactions.execute(tx -> {
            TestSend saved = sends.findById(id).orElseThrow();
            if (failure == null) {
                saved.sent(clock.instant());
            } else {
                saved.failed(failure, clock.instant());
            }
            sends.flush();
            return saved.view();
        });
    }

    /** When the content with this digest was last sent as a test of this subject; empty when never. */
    public Optional<Instant> lastSent(UUID subjectId, String contentDigest) {
        return transactions.execute(tx -> sends.lastSent(subjectId, contentDigest));
    }

    /**
     * For many subjects in one read: per subject, when a test of each of its contents (by {@link #digest}) last went
     * out. A subject never tested is absent.
     */
    public Map<UUID, Map<String, Instant>> lastSentByContent(Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        return transactions.execute(tx -> {
            Map<UUID, Map<String, Instant>> sent = new HashMap<>();
            for (Object[] row : sends.lastSentByContent(subjectIds)) {
                if (row[1] != null && row[2] != null) {
                    sent.computeIfAbsent((UUID) row[0], id -> new HashMap<>()).put((String) row[1], (Instant) row[2]);
                }
            }
            return sent;
        });
    }

    /** When any content of this subject was last sent as a test (to tell a stale test from none). */
    public Optional<Instant> lastSentOfAnyContent(UUID subjectId) {
        return transactions.execute(tx -> sends.lastSentOfAnyContent(subjectId));
    }

    /** SHA-256 of subject, preheader and HTML (hex): what a test send stands for. */
    public static String digest(EmailContent content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {content.subject(), content.preheader(), content.html()}) {
                byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contact's values, or a sample person's when none was chosen. */
    static Map<String, String> values(ContactView contact) {
        if (contact == null) {
            return EmailRendering.valuesOf("alex.morgan@example.com", "Alex Morgan", Map.of("city", "Lisbon"));
        }
        return EmailRendering.valuesOf(contact.email(), contact.name(), contact.attributes());
    }

    /** A test's footer: the real postal address, and links that show where the real ones go. */
    EmailFooter footer(SenderSettings sender) {
        return new EmailFooter(sender.postalAddress(), urls.ofOrLocal("/email/settings#unsubscribe-test"),
                urls.ofOrLocal("/email/settings#preferences-test"), "");
    }
}
