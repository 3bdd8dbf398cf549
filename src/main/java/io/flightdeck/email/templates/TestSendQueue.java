package io.flightdeck.email.templates;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

import io.flightdeck.email.templates.TestSends.TestSendView;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test sends that leave from a job once the request that asked for them committed: the way an assistant sends a test,
 * since its dry run rolls back the request and its job together and so must not reach the mail server. The request is
 * checked as {@link TestSends#send} checks it before the row is written WAITING in the caller's transaction, beside
 * the job the caller schedules. The job checks again as the person who asked, refuses content that changed since (what
 * goes out is exactly what was asked to be tested), begins the one attempt in a committed transaction, then sends. A
 * row whose attempt began is never sent again: with no outcome recorded, the ledger shows it in doubt.
 */
@Service
public class TestSendQueue {

    static final String CHANGED = "Not sent: the email's subject, preheader or body changed after the test was asked "
            + "for; ask for a new test of the content as it is now";

    private static final Logger log = LoggerFactory.getLogger(TestSendQueue.class);

    private final TestSendRepository sends;
    private final TestSends testSends;
    private final TransactionTemplate tx;
    private final Clock clock;

    TestSendQueue(TestSendRepository sends, TestSends testSends, TransactionTemplate tx, Clock clock) {
        this.sends = sends;
        this.testSends = testSends;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Checks the test (the recipient, the contact, the content's links) and writes it WAITING with the content's
     * digest, in the caller's transaction: the caller schedules its job with the answer's id in the same one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public TestSendView queue(String subjectKind, UUID subjectId, EmailContent content, String to,
            UUID contactIdOrNull) {
        if (!TestSends.SUBJECT_KINDS.contains(subjectKind)) {
            throw new InvalidInputException("subjectKind", "A test send is of a TEMPLATE or a CAMPAIGN");
        }
        Actor actor = CurrentActor.require();
        TestSends.Checked checked = testSends.check(content, to, contactIdOrNull, actor.email());
        return sends.saveAndFlush(TestSend.waiting(subjectKind, subjectId, checked.digest(), checked.to().display(),
                contactIdOrNull, actor.userId(), actor.email(), clock.instant())).view();
    }

    public TestSendView get(UUID id) {
        return tx.execute(status -> sends.findById(id).orElseThrow(() -> new NotFoundException("Test send")).view());
    }

    /**
     * The job's run: sends the waiting test as the person who asked, its subject's content read now through
     * {@code contentNow}; nothing when the row is gone or no longer waiting. A refusal (content changed, a recipient
     * no longer allowed, the subject gone) settles it FAILED in words; anything else throws, for the job to retry.
     */
    public void run(UUID id, Function<UUID, EmailContent> contentNow) {
        TestSend asked = tx.execute(status -> sends.findById(id).orElse(null));
        if (asked == null || !asked.waiting()) {
            if (asked != null && "QUEUED".equals(asked.view().state())) {
                // a run cut off after the attempt began: the mail may be out, so a person decides, never a resend
                log.warn("Test send {} was begun before and never recorded: not sent again", id);
            }
            return;
        }
        // the member who asked acts (audit, the own-address rule); their role was checked when the test was queued
        Actor actor = new Actor(asked.createdBy(), TenantScope.require(), Role.CONTRIBUTOR, asked.requestedByEmail(),
                "Email test send", ZoneOffset.UTC, null);
        CurrentActor.runAs(actor, () -> {
            TestSends.Checked checked;
            try {
                EmailContent content = contentNow.apply(asked.subjectId());
                if (!TestSends.digest(content).equals(asked.contentDigest())) {
                    giveUp(id, CHANGED);
                    return null;
                }
                checked = testSends.check(content, asked.toAddress(), asked.contactId(), asked.requestedByEmail());
            } catch (NotFoundException | InvalidInputException e) {
                log.info("Test send {} refused: {}", id, e.getMessage());
                giveUp(id, "Not sent: " + e.getMessage());
                return null;
            }
            if (begin(id)) {
                testSends.deliver(id, actor.workspaceId(), checked);
            }
            return null;
        });
    }

    /** A waiting test settled FAILED with the reason, nothing sent; one whose attempt began is left as it stands. */
    public void giveUp(UUID id, String why) {
        tx.executeWithoutResult(status -> sends.findLocked(id).filter(TestSend::waiting)
                .ifPresent(row -> row.failed(why, clock.instant())));
    }

    /** Begins the one attempt, committed before the mail is handed on; false when another run already began it. */
    private boolean begin(UUID id) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            TestSend row = sends.findLocked(id).filter(TestSend::waiting).orElse(null);
            if (row == null) {
                return false;
            }
            row.start(clock.instant());
            return true;
        }));
    }
}
