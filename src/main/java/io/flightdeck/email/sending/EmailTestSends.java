package io.flightdeck.email.sending;

import java.time.Clock;
import java.util.UUID;

import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.TestSendQueue;
import io.flightdeck.email.templates.TestSends;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.jobs.WorkspaceTask;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A test of an email campaign's content as it is now, through the test-send ledger: what its readiness asks for. The
 * ledger keeps the content's digest, so a later change of subject, preheader or body makes this test stale. A person
 * sends it in the request ({@link #send}); an assistant queues it ({@link #queue}), and a job sends it after the
 * request committed, so the assistant's dry run, rolled back with its job, sends nothing.
 */
@Service
public class EmailTestSends {

    /** The task data: which test send, in which workspace (stored in scheduled_tasks: never rename). */
    record TestSendTaskData(UUID workspaceId, UUID testSendId) implements WorkspaceTask {
    }

    static final JobKind<TestSendTaskData> SEND_TEST = JobKind.of("email-test-send", TestSendTaskData.class,
            TestSendTaskData::new);

    private final EmailCampaigns emails;
    private final TestSends testSends;
    private final TestSendQueue queue;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    EmailTestSends(EmailCampaigns emails, TestSends testSends, TestSendQueue queue, Jobs jobs, TransactionTemplate tx,
            Clock clock) {
        this.emails = emails;
        this.testSends = testSends;
        this.queue = queue;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
    }

    /** Not transactional: the test-send ledger commits its row before the mail leaves. */
    public TestSends.TestSendView send(UUID emailId, String to, UUID contactIdOrNull) {
        EmailCampaignView email = emails.get(emailId);
        return testSends.send("CAMPAIGN", email.id(), content(email), to, contactIdOrNull);
    }

    /**
     * Checks the test as {@link #send} does (the caller checks the role), and writes it WAITING with its job in the
     * caller's transaction, or in one of its own: answered at once, its job sends it.
     */
    public TestSends.TestSendView queue(UUID emailId, String to, UUID contactIdOrNull) {
        return tx.execute(status -> {
            EmailCampaignView email = emails.get(emailId);
            TestSends.TestSendView queued = queue.queue("CAMPAIGN", email.id(), content(email), to, contactIdOrNull);
            jobs.schedule(SEND_TEST, TenantScope.require(), queued.id(), clock.instant());
            return queued;
        });
    }

    public TestSends.TestSendView get(UUID testSendId) {
        return queue.get(testSendId);
    }

    /** The job's run: the email's content read again, so a test of content changed since is refused. */
    void run(UUID testSendId) {
        queue.run(testSendId, emailId -> content(emails.get(emailId)));
    }

    private static EmailContent content(EmailCampaignView email) {
        return new EmailContent(email.subject(), email.preheader(), email.html());
    }
}
