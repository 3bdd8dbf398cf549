package io.flightdeck.publishing.posts;

import java.sql.Timestamp;
import java.time.Instant;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.jobs.OrphanSweep;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The jobs kit's sweep over channel posts: a live post without an execution gets one back; a fresh one is left alone. */
@FlightdeckTest
class PostOrphanSweepTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrphanSweep sweep;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;

    @Test
    void aScheduledPostThatLostItsExecutionIsScheduledAgainOnceQuiet() {
        Member owner = workspaces.withoutApprovals("Orphan posts");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Orphans");
        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
        var created = api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Lost and found","at":"%s"}"""
                .formatted(campaign, account, Instant.now().plusSeconds(86_400)));
        String channelPost = Json.read(created, "$.channels[0].id");
        assertThat(executions(channelPost)).isOne();

        jdbc.sql("delete from scheduled_tasks where task_name = 'channel-post' and task_instance = ?").param(channelPost)
                .update();
        sweep.sweep(PostJobs.ORPHANS);
        assertThat(executions(channelPost)).as("changed a moment ago: its transaction may still be writing").isZero();

        jdbc.sql("update channel_posts set updated_at = ? where id = cast(? as uuid)")
                .params(Timestamp.from(Instant.now().minus(OrphanSweep.QUIET).minusSeconds(30)), channelPost).update();
        assertThat(sweep.sweep(PostJobs.ORPHANS)).isPositive();
        assertThat(executions(channelPost)).isOne();
    }

    private int executions(String channelPost) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'channel-post' and task_instance = ?")
                .param(channelPost).query(Integer.class).single();
    }
}
