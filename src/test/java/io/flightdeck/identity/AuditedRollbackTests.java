package io.flightdeck.identity;

import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change that is flushed and then rolled back leaves no audit row, and Hibernate no longer warns (HHH90010101)
 * that the session closed with the audit's before-commit callback still queued: the callback is registered only
 * once the transaction commits.
 */
@FlightdeckTest
@ExtendWith(OutputCaptureExtension.class)
class AuditedRollbackTests {

    @Autowired
    TestWorkspaces testWorkspaces;
    @Autowired
    Workspaces workspaces;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    private int auditedUpdates(Member owner) {
        return jdbc.queryForObject("select count(*) from audit_log where tenant_id = ? and entity_type = 'Workspace' and action = 'updated'",
                Integer.class, owner.workspaceId());
    }

    @Test
    void aFlushedChangeThatRollsBackIsNotAuditedAndLeavesNoCallbackBehind(CapturedOutput output) {
        Member owner = testWorkspaces.workspace("Rolled back");
        testWorkspaces.as(owner, () -> transactions.execute(status -> {
            // update() flushes, so the audit has seen the change before the rollback.
            workspaces.update(new Workspaces.Settings("Never renamed", "UTC", "en"), null);
            status.setRollbackOnly();
            return null;
        }));
        assertThat(auditedUpdates(owner)).isZero();
        assertThat(output).doesNotContain("HHH90010101");

        testWorkspaces.as(owner, () -> workspaces.update(new Workspaces.Settings("Renamed", "UTC", "en"), null));
        assertThat(auditedUpdates(owner)).isEqualTo(1);
        assertThat(output).doesNotContain("HHH90010101");
    }
}
