package io.flightdeck.notifications.domain;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person can belong to several workspaces, and the inbox's bulk writes (seen, read all) go by recipient: they must
 * stay inside the current workspace as every query does.
 */
@FlightdeckTest
class InboxTenancyTests {

    @Autowired
    NotificationRepository notifications;
    @Autowired
    Inbox inbox;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void bulkWritesStayInTheWorkspace() {
        Member a = workspaces.workspace("Inbox tenancy A");
        Member b = workspaces.workspace("Inbox tenancy B");
        UUID person = a.userId(); // the same user id in both workspaces' rows
        UUID inA = save(a.workspaceId(), person, "a");
        UUID inB = save(b.workspaceId(), person, "b");

        CurrentActor.runAs(a.actor(), () -> TenantScope.call(a.workspaceId(), () -> {
            assertThat(inbox.unseenCount()).isEqualTo(1);
            assertThat(inbox.markAllSeen()).isEqualTo(1);
            assertThat(inbox.markAllRead()).isEqualTo(1);
            return null;
        }));

        Notification untouched = TenantScope.call(b.workspaceId(), () -> notifications.findById(inB).orElseThrow());
        assertThat(untouched.view().seenAt()).isNull();
        assertThat(untouched.view().readAt()).isNull();
        assertThat(TenantScope.call(a.workspaceId(), () -> notifications.findById(inA).orElseThrow()).view().readAt())
                .isNotNull();
    }

    private UUID save(UUID workspaceId, UUID recipient, String key) {
        NotificationDraft draft = NotificationDraft.of("tenancy:" + key + ":" + UUID.randomUUID(),
                NotificationTrigger.TASK_ASSIGNED, "Task for you", "/tasks/x", "test", "task", UUID.randomUUID(), null, null);
        return TenantScope.call(workspaceId, () -> transactions.execute(
                tx -> notifications.save(new Notification(recipient, draft, true, PreferenceSource.BUILT_IN, Instant.now())).getId()));
    }
}
