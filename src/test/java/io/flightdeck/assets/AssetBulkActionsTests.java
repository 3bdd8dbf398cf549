package io.flightdeck.assets;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk actions on assets through the API: tags and archiving with per-item reasons, undone exactly unless the asset
 * changed since, another workspace's asset not found, and a viewer or a blank tag refused before anything is written.
 */
@FlightdeckTest
class AssetBulkActionsTests {

    private static final String ASSETS = "/api/v1/campaign-assets";

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;

    private BulkCalls bulk() {
        return new BulkCalls(api);
    }

    private String headline(Member as, String name) {
        return Json.read(api.as(as).post(ASSETS, Map.of("name", name, "type", "HEADLINE", "headline", name)), "$.id");
    }

    private List<String> tags(Member as, String id) {
        return Json.read(api.as(as).get(ASSETS + "/" + id), "$.tags");
    }

    @Test
    void tagsAreAddedPerItemAndUndoneUnlessTheAssetChangedSince() {
        Member owner = workspaces.workspace("Asset bulk tags");
        Member stranger = workspaces.workspace("Asset bulk tags elsewhere");
        String first = headline(owner, "First headline");
        String second = headline(owner, "Second headline");
        String theirs = headline(stranger, "Their headline");

        String tagging = bulk().finished(owner, "assets", "tag", List.of(first, second, theirs), Map.of("tag", "summer"));
        assertThat(bulk().states(owner, tagging)).containsExactly("SUCCEEDED", "SUCCEEDED", "FAILED");
        assertThat(bulk().reason(owner, tagging, 2)).isEqualTo("Not found");
        assertThat(tags(owner, first)).containsExactly("summer");
        assertThat(tags(stranger, theirs)).isEmpty();
        String again = bulk().finished(owner, "assets", "tag", List.of(first), Map.of("tag", "summer"));
        assertThat(bulk().reason(owner, again, 0)).contains("already has the tag summer");

        // someone renames the second asset after the bulk action: its undo must not overwrite that
        api.as(owner).put(ASSETS + "/" + second, Map.of("name", "Second, renamed", "type", "HEADLINE",
                "headline", "Second", "tags", List.of("summer")));
        bulk().undone(owner, tagging);
        assertThat(bulk().states(owner, tagging)).containsExactly("UNDONE", "UNDO_FAILED", "FAILED");
        assertThat(bulk().reason(owner, tagging, 1)).contains("changed after the bulk action");
        assertThat(tags(owner, first)).isEmpty();
        assertThat(tags(owner, second)).containsExactly("summer");

        String untagging = bulk().finished(owner, "assets", "untag", List.of(first, second), Map.of("tag", "summer"));
        assertThat(bulk().states(owner, untagging)).containsExactly("FAILED", "SUCCEEDED");
        assertThat(bulk().reason(owner, untagging, 0)).contains("does not have the tag summer");
        bulk().undone(owner, untagging);
        assertThat(tags(owner, second)).containsExactly("summer");
    }

    @Test
    void archivingIsUndoneByARestoreAndAnArchivedAssetFailsWithTheReason() {
        Member owner = workspaces.workspace("Asset bulk archive");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String live = headline(owner, "Live headline");
        String archived = headline(owner, "Archived headline");
        api.as(owner).delete(ASSETS + "/" + archived);

        String archiving = bulk().finished(contributor, "assets", "archive", List.of(live, archived), Map.of());
        assertThat(bulk().states(contributor, archiving)).containsExactly("SUCCEEDED", "FAILED");
        assertThat(bulk().reason(contributor, archiving, 1)).contains("already archived");
        assertThat(Json.<Boolean>read(api.as(owner).get(ASSETS + "/" + live), "$.archived")).isTrue();
        bulk().undone(contributor, archiving);
        assertThat(Json.<Boolean>read(api.as(owner).get(ASSETS + "/" + live), "$.archived")).isFalse();

        String restoring = bulk().finished(contributor, "assets", "unarchive", List.of(archived), Map.of());
        assertThat(bulk().states(contributor, restoring)).containsExactly("SUCCEEDED");
        assertThat(Json.<Boolean>read(api.as(owner).get(ASSETS + "/" + archived), "$.archived")).isFalse();
        bulk().undone(contributor, restoring);
        assertThat(Json.<Boolean>read(api.as(owner).get(ASSETS + "/" + archived), "$.archived")).isTrue();
    }

    @Test
    void aViewerAndABlankTagAreRefusedBeforeAnythingIsWritten() {
        Member owner = workspaces.workspace("Asset bulk refusals");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String id = headline(owner, "Refused headline");

        assertThat(bulk().request(viewer, "assets", "archive", List.of(id), Map.of())).hasStatus(403);
        assertThat(bulk().request(owner, "assets", "tag", List.of(id), Map.of("tag", " "))).hasStatus(400);
        assertThat(bulk().request(owner, "assets", "untag", List.of(id), Map.of())).hasStatus(400);
        assertThat(jdbc.sql("select count(*) from bulk_operations where tenant_id = ?").param(owner.workspaceId())
                .query(Long.class).single()).isZero();
        assertThat(Json.<Boolean>read(api.as(owner).get(ASSETS + "/" + id), "$.archived")).isFalse();
    }
}
