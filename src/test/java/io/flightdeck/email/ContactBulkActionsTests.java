package io.flightdeck.email;

import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BulkCalls;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk actions on contacts through the API: unsubscribe with a per-item reason for one already suppressed, another
 * workspace's contact not found, no undo, and erasure for admins alone, refused before anything is written.
 */
@FlightdeckTest
class ContactBulkActionsTests {

    private static final String CONTACTS = "/api/v1/email/contacts";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;

    private BulkCalls bulk() {
        return new BulkCalls(api);
    }

    private String contact(Member as, String email) {
        MvcTestResult made = api.as(as).post(CONTACTS, Map.of("email", email, "name", "Someone",
                "consent", Map.of("source", "MANUAL", "evidence", "Asked at the fair")));
        assertThat(made).as(Json.body(made)).hasStatus(201);
        return Json.read(made, "$.id");
    }

    private String status(Member as, String id) {
        return Json.read(api.as(as).get(CONTACTS + "/" + id), "$.status");
    }

    @Test
    void anUnsubscribeFailsPerItemWithTheReasonAndCannotBeUndone() {
        Member owner = workspaces.workspace("Contact bulk unsubscribe");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member stranger = workspaces.workspace("Contact bulk unsubscribe elsewhere");
        String ann = contact(owner, "ann@example.com");
        String bob = contact(owner, "bob@example.com");
        String theirs = contact(stranger, "theirs@example.com");
        api.as(owner).post(CONTACTS + "/" + bob + "/unsubscribe");

        String operation = bulk().finished(contributor, "contacts", "unsubscribe", List.of(ann, bob, theirs), Map.of());
        assertThat(bulk().states(contributor, operation)).containsExactly("SUCCEEDED", "FAILED", "FAILED");
        assertThat(bulk().reason(contributor, operation, 1)).contains("already unsubscribed");
        assertThat(bulk().reason(contributor, operation, 2)).isEqualTo("Not found");
        assertThat(status(owner, ann)).isEqualTo("UNSUBSCRIBED");
        assertThat(status(stranger, theirs)).isEqualTo("SUBSCRIBED");
        MvcTestResult undo = api.as(contributor).post(BulkCalls.BULK + "/" + operation + "/undo");
        assertThat(undo).hasStatus(409);
        assertThat(Json.body(undo)).contains("bulk-not-undoable");
    }

    @Test
    void erasureIsForAdminsAndAViewerIsRefusedBeforeAnythingIsWritten() {
        Member owner = workspaces.workspace("Contact bulk erase");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String ann = contact(owner, "ann@example.com");

        assertThat(bulk().request(viewer, "contacts", "unsubscribe", List.of(ann), Map.of())).hasStatus(403);
        assertThat(bulk().request(manager, "contacts", "erase", List.of(ann), Map.of())).hasStatus(403);
        assertThat(bulk().request(owner, "contacts", "fly", List.of(ann), Map.of())).hasStatus(400);
        assertThat(jdbc.sql("select count(*) from bulk_operations where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single()).isZero();
        assertThat(status(owner, ann)).isEqualTo("SUBSCRIBED");

        String erasure = bulk().finished(owner, "contacts", "erase", List.of(ann), Map.of());
        assertThat(bulk().states(owner, erasure)).containsExactly("SUCCEEDED");
        assertThat(api.as(owner).get(CONTACTS + "/" + ann)).hasStatus(404);
    }
}
