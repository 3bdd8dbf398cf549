package io.flightdeck.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.campaigns.CampaignCancelled;
import io.flightdeck.campaigns.CampaignCompleted;
import io.flightdeck.campaigns.CampaignResumed;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing's five listeners that move a campaign's posts, each fed its event by a {@link Scenario}: an ended
 * campaign (completed or cancelled) cancels what was not sent; a resume re-plans the posts whose time passed while
 * they waited; a launch and an approval make the waiting posts look at their blockers now rather than at their next
 * recheck, a minute later. The launch is the real one, through the campaigns API, since a post waiting for it can only
 * go out once the campaign is active. Runs in the shared context; the workspace reviews nothing,
 * so a draft campaign is the posts' only blocker.
 */
@FlightdeckTest
@EnableScenarios
class PostListenerScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private ApprovalRequests requests;
    private Member owner;
    private UUID campaign;
    private String account;

    @BeforeEach
    void setUp() {
        requests = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Post listeners");
        List<String> scopes = Json.read(api.as(owner).get("/api/v1/approval-scopes"), "$[*].key");
        scopes.forEach(scope -> assertThat(api.as(owner).put("/api/v1/approval-scopes/" + scope, "{\"enabled\":false}"))
                .hasStatusOk());
        campaign = UUID.fromString(requests.campaign(owner, "Autumn roast"));
        account = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\"}"), "$.id");
    }

    private String schedule(Instant at) {
        MvcTestResult scheduled = api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Autumn roast is here","at":"%s"}"""
                .formatted(campaign, account, at));
        assertThat(scheduled).hasStatus(201);
        return Json.read(scheduled, "$.channels[0].id");
    }

    private MvcTestResult post(String id) {
        return api.as(owner).get("/api/v1/social/channel-posts/" + id);
    }

    private String field(String id, String name) {
        return Json.read(post(id), "$." + name);
    }

    /** A post that fell due in the draft campaign and waits for it: its next look is a minute away. */
    private String waitingPost() {
        String id = schedule(Instant.now().plusSeconds(2));
        Awaitility.await().atMost(PATIENCE).until(() -> field(id, "blockedSince") != null);
        assertThat(field(id, "status")).isEqualTo("SCHEDULED");
        return id;
    }

    @Test
    void aCompletedCampaignCancelsWhatWasNotSent(Scenario scenario) {
        String id = schedule(Instant.now().plus(Duration.ofDays(3)));
        scenario.publish(new CampaignCompleted(owner.workspaceId(), campaign, owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> field(id, "status"), "CANCELLED"::equals)
                .andVerify(status -> assertThat(Json.<List<String>>read(post(id), "$.log[*].message"))
                        .contains("The campaign completed"));
    }

    @Test
    void aCancelledCampaignCancelsWhatWasNotSent(Scenario scenario) {
        String id = schedule(Instant.now().plus(Duration.ofDays(3)));
        scenario.publish(new CampaignCancelled(owner.workspaceId(), campaign, owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> field(id, "status"), "CANCELLED"::equals)
                .andVerify(status -> assertThat(Json.<List<String>>read(post(id), "$.log[*].message"))
                        .contains("The campaign was cancelled"));
    }

    @Test
    void aResumeReplansThePostsWhoseTimePassed(Scenario scenario) {
        String id = waitingPost();
        Instant passed = Instant.parse(field(id, "scheduledAt"));
        scenario.publish(new CampaignResumed(owner.workspaceId(), campaign, owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> Instant.parse(field(id, "scheduledAt")), at -> !at.equals(passed))
                .andVerify(at -> {
                    assertThat(at).isAfter(Instant.now());
                    assertThat(field(id, "plannedBy")).isEqualTo("BEST_TIME");
                    assertThat(Json.<List<String>>read(post(id), "$.log[*].message"))
                            .contains("Its time passed while the campaign was paused: re-planned");
                });
    }

    @Test
    void theLaunchSendsAWaitingPostAtOnce(Scenario scenario) {
        String id = waitingPost();
        scenario.stimulate(transactions -> { // no transaction around it: each request opens its own
                    requests.makeReady(owner, campaign.toString());
                    assertThat(requests.launch(owner, campaign.toString(), null)).hasStatusOk();
                    return id;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> field(id, "status"), "PUBLISHED"::equals)
                .andVerify(status -> assertThat(field(id, "externalUrl")).isNotNull());
    }

    @Test
    void anApprovalMakesAWaitingPostLookAgainNow(Scenario scenario) {
        String id = waitingPost();
        String looked = field(id, "updatedAt");
        scenario.publish(new ApprovalDecided(owner.workspaceId(), UUID.randomUUID(), campaign, "schedule", null, null,
                        ApprovalState.APPROVED, owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> field(id, "updatedAt"), at -> !at.equals(looked))
                .andVerify(at -> {
                    // it looked, and the draft still holds it
                    assertThat(field(id, "status")).isEqualTo("SCHEDULED");
                    assertThat(Json.<List<String>>read(post(id), "$.blockers[*].key")).contains("campaign-not-active");
                });
    }
}
