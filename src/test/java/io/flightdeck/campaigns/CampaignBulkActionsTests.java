package io.flightdeck.campaigns;

import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.BulkCalls;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk actions on campaigns through the API: lifecycle moves refused per item with the lifecycle's reason, owner and
 * tags undone exactly unless the campaign changed since, delete undone by a restore, and a viewer, a contributor or a
 * bad parameter refused before anything is written.
 */
@FlightdeckTest
class CampaignBulkActionsTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    private BulkCalls bulk() {
        return new BulkCalls(api);
    }

    private String campaign(Member as, String id, String path) {
        return Json.read(api.as(as).get("/api/v1/campaigns/" + id), path);
    }

    @Test
    void aLifecycleMoveFailsPerItemWithTheReasonAndAnotherWorkspacesCampaignIsNotFound() {
        Member owner = workspaces.workspace("Campaign bulk status");
        Member stranger = workspaces.workspace("Campaign bulk status elsewhere");
        String draft = campaigns.create(owner, "Still a draft");
        String planning = campaigns.create(owner, "Already planning");
        String theirs = campaigns.create(stranger, "Their campaign");
        api.as(owner).post("/api/v1/campaigns/" + planning + "/plan");

        String operation = bulk().finished(owner, "campaigns", "status", List.of(draft, planning, theirs),
                Map.of("status", "plan"));
        assertThat(bulk().states(owner, operation)).containsExactly("SUCCEEDED", "FAILED", "FAILED");
        assertThat(bulk().reason(owner, operation, 1)).contains("Cannot plan a campaign that is planning");
        assertThat(bulk().reason(owner, operation, 2)).isEqualTo("Not found");
        assertThat(campaign(owner, draft, "$.status")).isEqualTo("PLANNING");
        assertThat(campaign(stranger, theirs, "$.status")).isEqualTo("DRAFT");

        // planning has no way back to a draft: the undo says so for the item rather than forcing the status
        bulk().undone(owner, operation);
        assertThat(bulk().states(owner, operation)).containsExactly("UNDO_FAILED", "FAILED", "FAILED");
        assertThat(bulk().reason(owner, operation, 0)).contains("cannot go back from planning to draft");
        assertThat(campaign(owner, draft, "$.status")).isEqualTo("PLANNING");
    }

    @Test
    void tagsAndOwnerAreUndoneExactlyUnlessTheCampaignChangedSince() {
        Member owner = workspaces.workspace("Campaign bulk tags");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String first = campaigns.create(owner, "First");
        String second = campaigns.create(owner, "Second");

        String tagging = bulk().finished(owner, "campaigns", "tag", List.of(first, second), Map.of("tag", "spring"));
        assertThat(bulk().states(owner, tagging)).containsExactly("SUCCEEDED", "SUCCEEDED");
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaigns/" + first), "$.tags"))
                .containsExactly("spring");
        String again = bulk().finished(owner, "campaigns", "tag", List.of(first), Map.of("tag", "spring"));
        assertThat(bulk().reason(owner, again, 0)).contains("already has the tag spring");

        // someone renames the second campaign after the bulk action: its undo must not overwrite that
        api.as(owner).put("/api/v1/campaigns/" + second, Map.of("name", "Second, renamed", "type", "PRODUCT_LAUNCH",
                "tags", List.of("spring")));
        bulk().undone(owner, tagging);
        assertThat(bulk().states(owner, tagging)).containsExactly("UNDONE", "UNDO_FAILED");
        assertThat(bulk().reason(owner, tagging, 1)).contains("changed after the bulk action");
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaigns/" + first), "$.tags")).isEmpty();
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaigns/" + second), "$.tags"))
                .containsExactly("spring");

        String assigning = bulk().finished(owner, "campaigns", "assign", List.of(first),
                Map.of("assigneeId", manager.userId()));
        assertThat(campaign(owner, first, "$.ownerId")).isEqualTo(manager.userId().toString());
        bulk().undone(owner, assigning);
        assertThat(campaign(owner, first, "$.ownerId")).isEqualTo(owner.userId().toString());

        String untagging = bulk().finished(owner, "campaigns", "untag", List.of(second), Map.of("tag", "spring"));
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaigns/" + second), "$.tags")).isEmpty();
        bulk().undone(owner, untagging);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/campaigns/" + second), "$.tags"))
                .containsExactly("spring");

        String deletion = bulk().finished(owner, "campaigns", "delete", List.of(first), Map.of());
        assertThat(api.as(owner).get("/api/v1/campaigns/" + first)).hasStatus(404);
        bulk().undone(owner, deletion);
        assertThat(api.as(owner).get("/api/v1/campaigns/" + first)).hasStatusOk();
    }

    @Test
    void aViewerAContributorAndBadParametersAreRefusedBeforeAnythingIsWritten() {
        Member owner = workspaces.workspace("Campaign bulk refusals");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member stranger = workspaces.workspace("Campaign bulk refusals elsewhere");
        String id = campaigns.create(owner, "Refused");

        assertThat(bulk().request(viewer, "campaigns", "tag", List.of(id), Map.of("tag", "x"))).hasStatus(403);
        assertThat(bulk().request(contributor, "campaigns", "status", List.of(id), Map.of("status", "plan")))
                .as("lifecycle moves need a manager").hasStatus(403);
        assertThat(bulk().request(owner, "campaigns", "status", List.of(id), Map.of("status", "fly"))).hasStatus(400);
        assertThat(bulk().request(owner, "campaigns", "tag", List.of(id), Map.of("tag", " "))).hasStatus(400);
        assertThat(bulk().request(owner, "campaigns", "assign", List.of(id), Map.of("assigneeId", stranger.userId())))
                .as("another workspace's member").hasStatus(400);
        assertThat(jdbc.sql("select count(*) from bulk_operations where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single()).isZero();
        assertThat(campaign(owner, id, "$.status")).isEqualTo("DRAFT");
        assertThat(Json.<List<String>>read(api.as(viewer).get("/api/v1/bulk/actions"),
                "$[?(@.type == 'campaigns')].actions[*].key")).containsExactly("status", "assign", "tag", "untag", "delete");
    }
}
