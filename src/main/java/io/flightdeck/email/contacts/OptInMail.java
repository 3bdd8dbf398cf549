package io.flightdeck.email.contacts;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.WorkspaceTask;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.mail.MailTemplates;
import io.flightdeck.shared.mail.MailTransport;
import io.flightdeck.shared.mail.OutgoingMail;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The confirmation mail of a double opt-in, one job per contact (instance id = contact id), queued in the transaction
 * that issued the link. The ledger is the contact row: its token and {@code opt_in_sent_at} are committed before the
 * job runs, and the mail's key (so its Message-ID) is derived from the contact id and that time, so a retry sends the
 * same message and the outbox can tell it went. A run that finds the contact confirmed, suppressed, erased or issued a
 * newer link sends nothing: at most one mail per link, and a new link only when someone asks for it.
 */
@Configuration(proxyBeanMethods = false)
class OptInMail {

    /** The task data (names stored in scheduled_tasks: never change them). */
    record OptInMailData(UUID workspaceId, UUID contactId) implements WorkspaceTask {
    }

    static final JobKind<OptInMailData> KIND = JobKind.of("email-opt-in-mail", OptInMailData.class, OptInMailData::new);
    /** Looks for a newer link after a mail: a person resending more often than the mail goes out gets the last. */
    private static final int LOOKS = 3;

    /** What one run sends, read in one short transaction. */
    record Letter(String key, String to, String link) {
    }

    @Bean
    OneTimeTask<OptInMailData> emailOptInMail(ContactRepository contacts, OptIns optIns, MailTransport transport,
            MailTemplates templates, PublicUrls urls, TransactionTemplate transactions) {
        return JobTasks.once(KIND, Failures.retry(5, Duration.ofSeconds(30)), data -> {
            UUID workspace = TenantScope.require();
            // A resend while this run holds the contact's execution cannot schedule another run (one execution per
            // contact), so after each mail the run looks again and sends a link issued meanwhile; a few rounds at most.
            String sent = null;
            for (int round = 0; round < LOOKS; round++) {
                Letter letter = transactions.execute(tx -> contacts.findById(data.contactId())
                        .filter(c -> c.status() == ContactStatus.PENDING && c.optInToken() != null)
                        .map(c -> {
                            String token = optIns.token(workspace, c.getId(), c.optInSentAt());
                            if (!Hashing.sha256Hex(token).equals(c.optInToken())) {
                                return null; // not the link as committed: sent by nobody, so sent by no one
                            }
                            return new Letter(key(c.getId(), c.optInSentAt().toEpochMilli()), c.email(),
                                    urls.ofOrLocal("/email/confirm/" + token));
                        }).orElse(null));
                if (letter == null || letter.key().equals(sent) || transport.sent(workspace, letter.key()).orElse(false)) {
                    return; // nothing (more) to send, or it went before a crash and the transport can tell
                }
                MailTemplates.Rendered body = templates.render("email-opt-in", Map.of("link", letter.link(),
                        "email", letter.to()));
                transport.send(new OutgoingMail(workspace, letter.key(), letter.to(), "Please confirm your subscription",
                        body.text(), body.html()));
                sent = letter.key();
            }
        });
    }

    /** The mail's key: one per contact and link, the same on every attempt. */
    static String key(UUID contactId, long sentAtMillis) {
        return "email-opt-in-" + contactId + "-" + sentAtMillis;
    }
}
