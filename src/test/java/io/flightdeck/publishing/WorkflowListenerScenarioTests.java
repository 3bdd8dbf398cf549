package io.flightdeck.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.campaigns.CampaignCancelled;
import io.flightdeck.campaigns.CampaignCompleted;
import io.flightdeck.campaigns.CampaignLaunched;
import io.flightdeck.campaigns.CampaignPaused;
import io.flightdeck.campaigns.CampaignResumed;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing's six listeners that drive a campaign's workflow, each fed its event by a {@link Scenario}: the launch
 * starts the workflow and runs it at once, a pause holds it, a resume goes on, completion and cancellation finish it,
 * and a scope's approval makes a waiting step look again now rather than a minute later. Runs in the shared context; the
 * campaign is a real draft, so the workflow's own check keeps it waiting (not active),
 * which is what a started but not yet validated workflow looks like.
 */
@FlightdeckTest
@EnableScenarios
class WorkflowListenerScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private Member owner;
    private UUID campaign;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Workflow listeners");
        campaign = UUID.fromString(new ApprovalRequests(mvc).campaign(owner, "Harvest launch"));
    }

    private MvcTestResult workflow() {
        return api.as(owner).get("/api/v1/campaigns/" + campaign + "/workflow");
    }

    private String status() {
        return Json.read(workflow(), "$.status");
    }

    private String validation() {
        return Json.read(workflow(), "$.steps[0].message");
    }

    /** The launch's event, as campaigns publishes it: the workflow starts and its first run finds the draft. */
    private void started(Scenario scenario) {
        scenario.publish(new CampaignLaunched(owner.workspaceId(), campaign, owner.userId(), Instant.now(), false))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::validation, message -> message != null)
                .andVerify(message -> {
                    assertThat(status()).isEqualTo("RUNNING");
                    assertThat(Json.<String>read(workflow(), "$.steps[0].status")).isEqualTo("WAITING");
                    assertThat(message).contains("not active");
                });
    }

    @Test
    void theLaunchStartsTheWorkflowAndRunsItAtOnce(Scenario scenario) {
        assertThat(status()).isEqualTo("NOT_STARTED");
        started(scenario);
    }

    @Test
    void aPauseHoldsItAndAResumeGoesOn(Scenario scenario) {
        started(scenario);
        scenario.publish(new CampaignPaused(owner.workspaceId(), campaign, owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::status, "PAUSED"::equals)
                .andVerify(status -> assertThat(Json.<String>read(workflow(), "$.steps[0].status")).isEqualTo("WAITING"));
        scenario.publish(new CampaignResumed(owner.workspaceId(), campaign, owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::status, "RUNNING"::equals)
                .andVerify(status -> assertThat(Json.<String>read(workflow(), "$.finishedAt")).isNull());
    }

    @Test
    void completionFinishesIt(Scenario scenario) {
        started(scenario);
        scenario.publish(new CampaignCompleted(owner.workspaceId(), campaign, owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::status, "COMPLETED"::equals)
                .andVerify(status -> assertThat(Json.<String>read(workflow(), "$.finishedAt")).isNotNull());
    }

    @Test
    void cancellationFinishesIt(Scenario scenario) {
        started(scenario);
        scenario.publish(new CampaignCancelled(owner.workspaceId(), campaign, owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::status, "COMPLETED"::equals)
                .andVerify(status -> assertThat(Json.<String>read(workflow(), "$.finishedAt")).isNotNull());
    }

    /**
     * The waiting step runs again a minute after its last run. Meanwhile the post's account is disconnected (publishing's
     * own change, which wakes nothing): only the approval's event makes the step look again within the wait, and find
     * the account as well.
     */
    @Test
    void aScopesApprovalMakesAWaitingStepLookAgainNow(Scenario scenario) {
        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Harvest on X\",\"channel\":\"TWITTER\"}"), "$.id");
        assertThat(api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Harvest is here","at":"%s"}"""
                .formatted(campaign, account, Instant.now().plus(Duration.ofDays(3))))).hasStatus(201);
        started(scenario);
        assertThat(api.as(owner).delete("/api/v1/channels/" + account)).hasStatus(204);
        assertThat(validation()).doesNotContain("Harvest on X");

        scenario.publish(new ApprovalDecided(owner.workspaceId(), UUID.randomUUID(), campaign, "schedule", null, null,
                        ApprovalState.APPROVED, owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(this::validation, message -> message.contains("Harvest on X cannot post"))
                .andVerify(message -> assertThat(status()).isEqualTo("RUNNING"));
    }

    /**
     * The publish step counts the campaign's posts a minute after its last count. Meanwhile the campaign's only post is
     * cancelled (publishing's own change, which wakes nothing): only a post's outcome, published or failed, makes the
     * step count again within the wait, and find nothing left to send. The campaign is launched for real, with approvals
     * off, so the workflow reaches its publish step.
     */
    @ParameterizedTest(name = "a post {0}")
    @ValueSource(strings = {"published", "failed"})
    void aPostsOutcomeMakesThePublishStepCountAgainNow(String outcome, Scenario scenario) {
        Member manager = workspaces.withoutApprovals("Workflow outcomes");
        ApprovalRequests requests = new ApprovalRequests(mvc);
        UUID launched = UUID.fromString(requests.campaign(manager, "Outcome launch"));
        String account = Json.read(api.as(manager).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Outcomes on X\",\"channel\":\"TWITTER\"}"), "$.id");
        String post = Json.read(api.as(manager).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Out in three days","at":"%s"}"""
                .formatted(launched, account, Instant.now().plus(Duration.ofDays(3)))), "$.id");
        requests.makeReady(manager, launched.toString());
        assertThat(requests.launch(manager, launched.toString(), null)).hasStatusOk();
        String path = "/api/v1/campaigns/" + launched + "/workflow";
        Awaitility.await().atMost(PATIENCE).until(() -> "RUNNING".equals(Json.read(api.as(manager).get(path),
                "$.steps[2].status")));
        assertThat(api.as(manager).post("/api/v1/social/posts/" + post + "/cancel")).hasStatusOk();
        assertThat(Json.<String>read(api.as(manager).get(path), "$.steps[2].message")).startsWith("0 published, 1 scheduled");

        UUID postId = UUID.fromString(post);
        Object event = outcome.equals("published")
                ? new PostPublished(manager.workspaceId(), postId, UUID.randomUUID(), launched, null, Channel.TWITTER,
                        "x", "1890001", "https://x.com/i/status/1890001", Instant.now())
                : new PostFailed(manager.workspaceId(), postId, UUID.randomUUID(), launched, Channel.TWITTER, "FAILED",
                        "duplicate", "X refused a duplicate post", Instant.now());
        scenario.publish(event)
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> Json.<String>read(api.as(manager).get(path), "$.steps[2].status"),
                        "DONE"::equals)
                .andVerify(status -> assertThat(Json.<String>read(api.as(manager).get(path), "$.steps[2].message"))
                        .startsWith("0 published, 0 scheduled"));
    }
}
