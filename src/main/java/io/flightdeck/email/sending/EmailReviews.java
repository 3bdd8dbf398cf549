package io.flightdeck.email.sending;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.approvals.ItemCheck;
import io.flightdeck.approvals.ItemSubmission;
import io.flightdeck.email.settings.EmailSettings;
import io.flightdeck.email.settings.SenderSettings;
import io.flightdeck.shared.ConflictException;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/**
 * An email's review in its campaign's content approval, as a creative's: a person sends it for approval, the approver
 * sees it as its recipients will, and only the revision approved may leave. A revision is what its recipients would
 * get (subject, preheader, body, each A/B variant, the sender, the audience's lists and segment); any change to it
 * after the first makes the next revision, and an email already in review goes back to review with it. The rest of
 * the campaign is not held by one email's review.
 */
@Component
class EmailReviews {

    static final String SCOPE = "content";
    static final String ITEM_TYPE = "email";

    private final ApprovalItems approvals;
    private final EmailAbTestRepository tests;
    private final EmailSettings settings;
    private final Clock clock;

    EmailReviews(ApprovalItems approvals, EmailAbTestRepository tests, EmailSettings settings, Clock clock) {
        this.approvals = approvals;
        this.tests = tests;
        this.settings = settings;
        this.clock = clock;
    }

    /** After its content, audience or test changed: a new revision, which goes to review if the email was there. */
    void afterChange(EmailCampaign email) {
        if (email.revise(fingerprint(email), clock.instant()) && approvals.stateOf(ITEM_TYPE, email.getId()).isPresent()) {
            approvals.submit(submission(email));
        }
    }

    /** Sends the email's current revision for approval (again, after changes were asked for). */
    void submit(EmailCampaign email) {
        email.require(EmailCampaignMove.REQUEST_APPROVAL);
        if (!approvals.scopeEnabled(SCOPE)) {
            throw new ConflictException("approval-not-needed", "This workspace does not review content, so the email "
                    + "needs no approval.");
        }
        // a change made outside the email (the workspace's sender) is part of what the approver is asked about
        email.revise(fingerprint(email), clock.instant());
        approvals.submit(submission(email));
    }

    /**
     * Whether the revision about to leave is the approved one: the send's gate and the email's readiness. A revision
     * waiting for a decision is something a scheduled send waits for; one never sent or sent back is a person's to do.
     */
    EmailReadinessItem item(EmailCampaign email) {
        String label = "This email approved";
        String page = "/email/campaigns/" + email.getId();
        ItemCheck check = approvals.check(SCOPE, ITEM_TYPE, email.getId(), email.revision());
        if (!check.scopeRequired()) {
            return EmailReadinessItem.done("email-approval", label, "The workspace does not review content.", page);
        }
        String link = check.approvalId() == null ? page : "/approvals/" + check.approvalId();
        String revision = "Revision " + email.revision();
        if (check.state() == null) {
            return EmailReadinessItem.blocked("email-approval", label, revision + " was never sent for approval: "
                    + "send it for approval.", page);
        }
        if (email.fingerprint() != null && !email.fingerprint().equals(fingerprint(email))) {
            return EmailReadinessItem.blocked("email-approval", label, "What it would send changed since " + revision
                    + " was recorded (the workspace's sender, say): send it for approval again.", page);
        }
        if (check.approved()) {
            return EmailReadinessItem.done("email-approval", label, revision + " is approved: it goes out as the "
                    + "approver saw it.", link);
        }
        if (check.state() == ApprovalState.REJECTED) {
            return EmailReadinessItem.blocked("email-approval", label, revision + " was sent back with changes "
                    + "requested.", link);
        }
        // the wizard makes a revision at each saved step: only an item sent for approval before and changed since
        // (back to review) changed after an earlier revision was sent
        return EmailReadinessItem.blocked("email-approval", label, revision + " waits for approval"
                + (check.state() == ApprovalState.NEEDS_REVIEW
                        ? ": it changed after an earlier revision was sent for approval." : "."), link)
                .waitable();
    }

    private ItemSubmission submission(EmailCampaign email) {
        EmailDraft draft = email.draft();
        int words = words(draft.subject()) + words(Jsoup.parse(draft.html()).text());
        return new ItemSubmission(email.campaignId(), SCOPE, ITEM_TYPE, email.getId(), "Email “" + draft.name() + "”",
                words, null, email.revision());
    }

    /** The SHA-256 of what its recipients would get, each part with its length so that no two emails read alike. */
    String fingerprint(EmailCampaign email) {
        EmailDraft draft = email.draft();
        SenderSettings sender = settings.current();
        StringBuilder parts = new StringBuilder();
        append(parts, draft.subject(), draft.preheader(), draft.html(), sender.fromName(), sender.fromAddress(),
                sender.replyTo(), draft.segmentId() == null ? null : draft.segmentId().toString());
        draft.listIds().stream().map(UUID::toString).sorted().forEach(list -> append(parts, "list", list));
        List<AbVariant> variants = tests.findByEmailCampaignId(email.getId()).map(EmailAbTest::variants)
                .orElse(List.of());
        variants.stream().sorted(Comparator.comparing(AbVariant::key))
                .forEach(v -> append(parts, "variant", v.key(), v.subject(), v.preheader(), v.html()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(parts.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static void append(StringBuilder parts, String... values) {
        for (String value : values) {
            if (value == null) {
                parts.append("-1:");
            } else {
                parts.append(value.length()).append(':').append(value);
            }
        }
    }

    private static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
