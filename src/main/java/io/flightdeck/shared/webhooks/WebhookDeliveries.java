package io.flightdeck.shared.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.flightdeck.shared.crypto.Hashing;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries by their id, so that a resend changes nothing: senders resend until they get a 2xx and may send one
 * twice. The id is remembered in the same transaction as the delivery's effect, so a delivery whose handling failed
 * is not remembered and its resend is handled. Ids are the sender's, across workspaces ({@code webhook_deliveries}
 * has no workspace); they are forgotten after {@code flightdeck.webhooks.keep-deliveries}.
 * <pre>
 * boolean applied = TenantScope.call(workspaceId, () -&gt; deliveries.once(provider.name(), id, () -&gt; jobs.apply(...)));
 * </pre>
 */
@Component
public class WebhookDeliveries {

    /** Longer ids are stored as their hash, to fit the column. */
    private static final int MAX_ID_LENGTH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WebhookDeliveries(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Runs {@code apply} in a new transaction unless this delivery was seen before; true when it ran. Call it inside the
     * workspace's scope, after the signature verified and outside any transaction.
     */
    public boolean once(String source, String deliveryId, Runnable apply) {
        String id = deliveryId.length() > MAX_ID_LENGTH ? "sha256:" + Hashing.sha256Hex(deliveryId) : deliveryId;
        Boolean applied = transactions.execute(status -> {
            if (!remember(source, id)) {
                status.setRollbackOnly();
                return false;
            }
            apply.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /**
     * Inserts the id unless it is there; false when it was. PostgreSQL makes a second inserter wait for the first
     * transaction and then do nothing; H2 may instead refuse the row, which means the same.
     */
    private boolean remember(String source, String id) {
        try {
            return jdbc.sql("""
                    insert into webhook_deliveries (source, delivery_id, received_at) values (?, ?, ?)
                    on conflict do nothing""")
                    .params(source, id, Timestamp.from(clock.instant())).update() == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Forgets the ids received before {@code cutoff}; how many. */
    int forgetReceivedBefore(Instant cutoff) {
        return jdbc.sql("delete from webhook_deliveries where received_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
