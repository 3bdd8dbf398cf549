package io.flightdeck.approvals.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the approvers of a stage whose deadline is near: when a quarter of the stage's time is left, but no earlier
 * than a day before it is due (so a week-long stage is reminded the day before, a four-hour one an hour before).
 * Once per stage opening, kept in {@code approval_reminders}, so a sweep on two nodes or a second sweep reminds once.
 */
@Service
@Transactional
class ApprovalReminders {

    /** The earliest a reminder comes: candidates are the stages due within this. */
    static final Duration AT_MOST_BEFORE = Duration.ofDays(1);

    private final ApprovalRepository approvals;
    private final ApprovalJournal journal;
    private final JdbcClient jdbc;
    private final Clock clock;

    ApprovalReminders(ApprovalRepository approvals, ApprovalJournal journal, JdbcClient jdbc, Clock clock) {
        this.approvals = approvals;
        this.journal = journal;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** When the stage opened at {@code openedAt} and due at {@code dueAt} is reminded. */
    static Instant remindAt(Instant openedAt, Instant dueAt) {
        Duration quarter = Duration.between(openedAt, dueAt).dividedBy(4);
        return dueAt.minus(quarter.compareTo(AT_MOST_BEFORE) < 0 ? quarter : AT_MOST_BEFORE);
    }

    /** @return how many stages it reminded in the current workspace */
    public int remindDueSoon() {
        Instant now = clock.instant();
        int reminded = 0;
        for (Approval approval : approvals.findDueWithin(Approval.OPEN, now, now.plus(AT_MOST_BEFORE))) {
            if (!remindAt(approval.getStageOpenedAt(), approval.getDueAt()).isAfter(now) && firstFor(approval, now)) {
                journal.dueSoon(approval, now);
                reminded++;
            }
        }
        return reminded;
    }

    private boolean firstFor(Approval approval, Instant now) {
        return jdbc.sql("""
                insert into approval_reminders (approval_id, stage_opened_at, tenant_id, reminded_at)
                values (?, ?, ?, ?) on conflict do nothing""")
                .params(approval.getId(), Timestamp.from(approval.getStageOpenedAt()), TenantScope.require(),
                        Timestamp.from(now))
                .update() == 1;
    }
}
