package io.flightdeck.email.sending;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's rows that are handed over and not yet confirmed. A sending thread's hand-over commit also records the
 * answer the server gave its previous message, so a crash leaves at most two unconfirmed rows per thread (the one
 * answered and not yet recorded, the one whose end of data may not have left) instead of a whole batch, without a
 * commit more per message. Such rows are never sent again by the send itself; a person may send them again.
 */
@Component
class HandOvers {

    private final JdbcClient jdbc;
    private final SendLedger ledger;
    private final TransactionTemplate tx;

    HandOvers(JdbcClient jdbc, SendLedger ledger, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.tx = tx;
    }

    /** A row whose message a server accepted, not yet recorded as sent. */
    record Answered(UUID tenantId, UUID id) {
    }

    /**
     * Commits that the message of row {@code id} is leaving, with {@code answered} (this thread's previous message,
     * which the server accepted; null if none) as sent. False when the row is no longer queued: it must not leave.
     */
    boolean handOver(UUID tenantId, UUID id, Answered answered, Instant now) {
        Timestamp at = Timestamp.from(now);
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (answered != null) {
                jdbc.sql("update email_recipients set state = 'SENT', sent_at = ?, error = null, updated_at = ?"
                        + " where tenant_id = ? and id = ? and state = 'HANDED_OVER'")
                        .params(at, at, answered.tenantId(), answered.id()).update();
            }
            return ledger.handOver(tenantId, id, now);
        }));
    }

    /**
     * Queues again, due now, the rows handed over before {@code before} and still unconfirmed, saying so in the row;
     * returns how many. Some of them may be at the server already: only a person's deliberate request calls this.
     */
    int sendAgain(UUID tenantId, UUID emailCampaignId, Instant before, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("update email_recipients set state = 'QUEUED', next_attempt_at = ?, updated_at = ?,"
                + " resent_at = ?, error = 'Sent again on request: its first hand-over was never confirmed'"
                + " where tenant_id = ? and email_campaign_id = ? and state = 'HANDED_OVER' and handed_over_at < ?")
                .params(at, at, at, tenantId, emailCampaignId, Timestamp.from(before)).update();
    }
}
