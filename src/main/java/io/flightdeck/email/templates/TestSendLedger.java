package io.flightdeck.email.templates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Test sends of templates and emails, as the operations page shows every ledger. A test send is one attempt: a row
 * still QUEUED {@link #UNSEEN} after its attempt began is one whose outcome nobody saw (the process stopped as it
 * sent); a person sends a new test rather than this one again. A queued test waits (WAITING) for its job.
 */
@Component
class TestSendLedger implements OutgoingLedger {

    /** A test send takes seconds; one queued this long had its answer lost. */
    static final Duration UNSEEN = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;

    TestSendLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public About about() {
        return new About("email-test-sends", "Email test sends", "/email/templates", false);
    }

    /** A test fails at once or not at all, so its creation dates the refusal. */
    @Override
    public long mailRefusedSince(Instant since) {
        return jdbc.sql("select count(*) from email_test_sends where tenant_id = ? and state = 'FAILED' and created_at >= ?")
                .params(TenantScope.require(), Timestamp.from(since)).query(Long.class).single();
    }

    @Override
    public Map<LedgerState, Long> backlog() {
        Map<LedgerState, Long> counts = new EnumMap<>(LedgerState.class);
        Timestamp unseen = Timestamp.from(clock.instant().minus(UNSEEN));
        // grouped by position: PostgreSQL does not see two parameters as the same expression
        jdbc.sql("select state, case when state = 'QUEUED' and sending_at < ? then 1 else 0 end, count(*)"
                        + " from email_test_sends where tenant_id = ? group by 1, 2")
                .params(unseen, TenantScope.require())
                .query((r, i) -> Map.entry(state(r.getString(1), r.getInt(2) == 1), r.getLong(3))).list()
                .forEach(row -> counts.merge(row.getKey(), row.getValue(), Long::sum));
        return counts;
    }

    private static LedgerState state(String state, boolean unseen) {
        return switch (state) {
            case "SENT" -> LedgerState.SENT;
            case "FAILED" -> LedgerState.DEAD;
            case "WAITING" -> LedgerState.WAITING;
            default -> unseen ? LedgerState.IN_DOUBT : LedgerState.SENDING;
        };
    }

    @Override
    public Page<LedgerItem> troubled(Pageable pageable) {
        UUID tenant = TenantScope.require();
        Timestamp unseen = Timestamp.from(clock.instant().minus(UNSEEN));
        String troubled = " where tenant_id = ? and (state = 'FAILED' or state = 'QUEUED' and sending_at < ?)";
        long total = jdbc.sql("select count(*) from email_test_sends" + troubled).params(tenant, unseen)
                .query(Long.class).single();
        List<LedgerItem> items = jdbc.sql("select id, subject_kind, subject_id, to_address, state, error, created_at,"
                        + " attempts"
                        + " from email_test_sends" + troubled + " order by created_at desc, id offset "
                        + pageable.getOffset() + " rows fetch next " + pageable.getPageSize() + " rows only")
                .params(tenant, unseen).query((r, i) -> item(r)).list();
        return new PageImpl<>(items, pageable, total);
    }

    private static LedgerItem item(ResultSet r) throws SQLException {
        boolean template = "TEMPLATE".equals(r.getString(2));
        UUID subject = r.getObject(3, UUID.class);
        String state = r.getString(5);
        Instant at = r.getTimestamp(7).toInstant();
        String reason = r.getString(6) != null ? r.getString(6)
                : "No answer was recorded: the test may or may not have arrived; send a new one";
        return new LedgerItem(r.getObject(1, UUID.class), template ? "Test of a template" : "Test of an email",
                r.getString(4), "FAILED".equals(state) ? LedgerState.DEAD : LedgerState.IN_DOUBT, state, reason,
                r.getInt(8), at,
                null, false, (template ? "/email/templates/" : "/email/campaigns/") + subject);
    }

    @Override
    public LedgerItem retry(UUID id) {
        throw OutgoingLedger.noRetry(about().name(), "Send a new test from the template's or the email's page.");
    }
}
