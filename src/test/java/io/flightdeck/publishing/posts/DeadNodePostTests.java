package io.flightdeck.publishing.posts;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Posts twenty minutes past their time, run by the real scheduler. One was taken on time by a node that then died
 * (its execution picked, its heartbeat stopped): db-scheduler revives it, and it is published, because the scheduler
 * did reach it in time and only recovery was slow. The other was never reached (the app was down at its time): it is
 * missed, and waits for a person.
 */
@FlightdeckTest
class DeadNodePostTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    ChannelPostRepository channelPosts;
    @Autowired
    SocialPostRepository posts;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aPostANodeTookOnTimeIsPublishedAfterItsDeathAndOneNeverReachedIsMissed() {
        ApprovalRequests requests = new ApprovalRequests(mvc);
        Member owner = workspaces.withoutApprovals("Dead node");
        String campaign = requests.campaign(owner, "Spring launch");
        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        var created = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"Roastery (sandbox)","channel":"LINKEDIN","timeZone":"Europe/Berlin",
                 "settings":{"mode":"NORMAL","lookup":"supported"}}""");
        assertThat(created).hasStatus(201);
        UUID account = UUID.fromString(Json.read(created, "$.id"));
        Instant time = clock.instant().minus(Duration.ofMinutes(20));

        UUID takenByDeadNode = post(owner, campaign, account, time);
        UUID neverReached = post(owner, campaign, account, time);
        execution(owner, takenByDeadNode, time, true);
        execution(owner, neverReached, time, false);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(status(owner, takenByDeadNode)).isEqualTo(ChannelPostStatus.PUBLISHED);
            assertThat(status(owner, neverReached)).isEqualTo(ChannelPostStatus.MISSED);
        });
        assertThat(jdbc.sql("select count(*) from sandbox_posts where account_id = ?").param(account)
                .query(Long.class).single()).isOne();
    }

    private UUID post(Member owner, String campaign, UUID account, Instant time) {
        return workspaces.as(owner, () -> transactions.execute(tx -> {
            SocialPost post = posts.save(new SocialPost(UUID.fromString(campaign), null, null, "Hello", owner.userId(),
                    time));
            return channelPosts.save(new ChannelPost(post.getId(), UUID.fromString(campaign), account,
                    Channel.LINKEDIN, "Spring is here", "More at example.com", List.of(), time, PlannedBy.PERSON, 3,
                    time)).getId();
        }));
    }

    /** The execution as db-scheduler leaves it: picked by a node whose heartbeat stopped minutes ago, or waiting. */
    private void execution(Member owner, UUID post, Instant time, boolean pickedByDeadNode) {
        String data = "{\"workspaceId\":\"%s\",\"channelPostId\":\"%s\"}".formatted(owner.workspaceId(), post);
        Instant heartbeat = Instant.now().minus(Duration.ofMinutes(5));
        jdbc.sql("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                                             last_heartbeat, version)
                values ('channel-post', ?, ?, ?, ?, ?, ?, 1)""")
                .params(post.toString(), data.getBytes(StandardCharsets.UTF_8), Timestamp.from(time),
                        pickedByDeadNode, pickedByDeadNode ? "node-that-died" : null,
                        pickedByDeadNode ? Timestamp.from(heartbeat) : null)
                .update();
    }

    private ChannelPostStatus status(Member owner, UUID id) {
        return workspaces.as(owner, () -> transactions.execute(tx -> channelPosts.findById(id).orElseThrow()))
                .getStatus();
    }
}
