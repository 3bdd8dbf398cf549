package io.flightdeck.email.sending;

import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.outbound.LedgerItem;
import io.flightdeck.shared.outbound.LedgerState;
import io.flightdeck.shared.outbound.OutgoingLedger;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The send ledger of emails (a row per recipient), as the operations page shows every ledger. A person settles its
 * troubles on the email's own page (send again to the unconfirmed, or to those who did not get it), which works on
 * the whole email rather than one row, so this ledger offers no retry of a single row.
 */
@Component
class EmailSendLedger implements OutgoingLedger {

    /** Rows a person should look at: refused or out of attempts, bounced, unconfirmed, or waiting for a retry. */
    private static final String TROUBLED = "(r.state in ('FAILED', 'BOUNCED', 'HANDED_OVER')"
            + " or r.state = 'QUEUED' and r.attempts > 0)";

    private final JdbcClient jdbc;

    EmailSendLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** HANDED_OVER rows are unconfirmed, as the email's numbers count them: in doubt until a person settles them. */
    private static LedgerState state(RecipientState state, int attempts) {
        return switch (state) {
            case QUEUED -> attempts > 0 ? LedgerState.RETRYING : LedgerState.WAITING;
            case HELD -> LedgerState.WAITING;
            case HANDED_OVER -> LedgerState.IN_DOUBT;
            case SENT, DELIVERED, COMPLAINED -> LedgerState.SENT;
            case BOUNCED, FAILED -> LedgerState.DEAD;
            case SKIPPED -> LedgerState.SKIPPED;
        };
    }

    @Override
    public About about() {
        return new About("email-sends", "Emails to contacts", "/email/campaigns", false);
    }

    /** Rejected by the server or out of attempts (FAILED), or bounced later (BOUNCED), by when the row last changed. */
    @Override
    public long mailRefusedSince(Instant since) {
        return jdbc.sql("select count(*) from email_recipients where tenant_id = ? and state in ('FAILED', 'BOUNCED')"
                + " and updated_at >= ?").params(TenantScope.require(), Timestamp.from(since)).query(Long.class).single();
    }

    @Override
    public Map<LedgerState, Long> backlog() {
        Map<LedgerState, Long> counts = new EnumMap<>(LedgerState.class);
        jdbc.sql("select state, case when attempts > 0 then 1 else 0 end, count(*) from email_recipients"
                        + " where tenant_id = ? group by 1, 2")
                .param(TenantScope.require())
                .query((r, i) -> Map.entry(state(RecipientState.valueOf(r.getString(1)), r.getInt(2)), r.getLong(3)))
                .list().forEach(row -> counts.merge(row.getKey(), row.getValue(), Long::sum));
        return counts;
    }

    @Override
    public Page<LedgerItem> troubled(Pageable pageable) {
        UUID tenant = TenantScope.require();
        long total = jdbc.sql("select count(*) from email_recipients r where r.tenant_id = ? and " + TROUBLED)
                .param(tenant).query(Long.class).single();
        List<LedgerItem> items = jdbc.sql("select r.id, e.id, e.name, r.address, r.state, r.error, r.attempts,"
                        + " r.updated_at, r.next_attempt_at from email_recipients r"
                        + " join email_campaigns e on e.id = r.email_campaign_id where r.tenant_id = ? and " + TROUBLED
                        + " order by r.updated_at desc, r.id offset " + pageable.getOffset() + " rows fetch next "
                        + pageable.getPageSize() + " rows only")
                .param(tenant).query((r, i) -> item(r)).list();
        return new PageImpl<>(items, pageable, total);
    }

    private static LedgerItem item(ResultSet r) throws SQLException {
        RecipientState own = RecipientState.valueOf(r.getString(5));
        LedgerState state = state(own, r.getInt(7));
        String reason = r.getString(6) != null ? r.getString(6) : own == RecipientState.HANDED_OVER
                ? "Handed to the mail server with no answer recorded: it may or may not have arrived" : null;
        Timestamp next = r.getTimestamp(9);
        return new LedgerItem(r.getObject(1, UUID.class), "Email: " + r.getString(3), r.getString(4), state,
                own.label(), reason, r.getInt(7), r.getTimestamp(8).toInstant(),
                state == LedgerState.RETRYING && next != null ? next.toInstant() : null, false,
                "/email/campaigns/" + r.getObject(2, UUID.class));
    }

    @Override
    public LedgerItem retry(UUID id) {
        throw OutgoingLedger.noRetry(about().name(), "Send again from the email's page: to the unconfirmed, or to those it "
                + "did not reach.");
    }
}
