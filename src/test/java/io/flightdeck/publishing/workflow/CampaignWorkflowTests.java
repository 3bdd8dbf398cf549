package io.flightdeck.publishing.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's workflow driven by its life: not started before the launch; the launch runs VALIDATE, SCHEDULE and
 * PUBLISH (which stays running while posts go out) into MONITOR; a pause holds it and a resume goes on; completion
 * finishes it; a step held by a blocker waits and says why.
 */
@FlightdeckTest
class CampaignWorkflowTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    CampaignWorkflows workflows;

    private ApprovalRequests requests;
    private Member owner;
    private String campaign;

    @BeforeEach
    void setUp() {
        requests = new ApprovalRequests(mvc);
        owner = workspaces.withoutApprovals("Workflow");
        campaign = requests.campaign(owner, "Spring launch");
    }

    private String path() {
        return "/api/v1/campaigns/" + campaign + "/workflow";
    }

    private List<String> steps() {
        return Json.read(api.as(owner).get(path()), "$.steps[*].status");
    }

    @Test
    void theLaunchRunsTheStepsAndPublishWaitsForThePostsToGoOut() {
        assertThat(Json.<String>read(api.as(owner).get(path()), "$.status")).isEqualTo("NOT_STARTED");
        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\"}"), "$.id");
        assertThat(api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Launch day","at":"%s"}"""
                .formatted(campaign, account, Instant.now().plusSeconds(4)))).hasStatus(201);

        requests.makeReady(owner, campaign);
        assertThat(requests.launch(owner, campaign, null)).hasStatusOk();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> steps().get(0).equals("DONE"));
        var running = api.as(owner).get(path());
        assertThat(Json.<String>read(running, "$.status")).isEqualTo("RUNNING");
        assertThat(Json.<String>read(running, "$.steps[1].message")).isEqualTo("1 posts scheduled");

        // PUBLISH runs until the post is out, then MONITOR watches
        Awaitility.await().atMost(Duration.ofSeconds(100)).until(() -> steps().equals(
                List.of("DONE", "DONE", "DONE", "RUNNING")));
        var monitoring = api.as(owner).get(path());
        assertThat(Json.<String>read(monitoring, "$.steps[2].message")).startsWith("1 published, 0 scheduled");
        assertThat(Json.<String>read(monitoring, "$.current")).isEqualTo("MONITOR");

        assertThat(requests.post(owner, "/api/v1/campaigns/" + campaign + "/pause", "{}")).hasStatusOk();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Json.<String>read(api.as(owner).get(path()),
                "$.status").equals("PAUSED"));
        assertThat(requests.post(owner, "/api/v1/campaigns/" + campaign + "/resume", "{}")).hasStatusOk();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Json.<String>read(api.as(owner).get(path()),
                "$.status").equals("RUNNING"));
        assertThat(requests.post(owner, "/api/v1/campaigns/" + campaign + "/complete", "{}")).hasStatusOk();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Json.<String>read(api.as(owner).get(path()),
                "$.status").equals("COMPLETED"));
        assertThat(steps()).containsOnly("DONE");
    }

    @Test
    void aStepHeldByABlockerWaitsAndSaysWhy() {
        UUID id = UUID.fromString(campaign);
        // the start wakes the workflow's job, which advances it: advancing here as well raced that run
        workspaces.as(owner, () -> {
            workflows.start(id);
            return null;
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> steps().get(0).equals("WAITING"));
        var waiting = api.as(owner).get(path());
        assertThat(Json.<String>read(waiting, "$.steps[0].status")).isEqualTo("WAITING");
        assertThat(Json.<String>read(waiting, "$.steps[0].message")).contains("not active");
        assertThat(Json.<String>read(waiting, "$.steps[1].status")).isEqualTo("PENDING");
        assertThat(api.as(workspaces.withoutApprovals("Elsewhere")).get(path())).hasStatus(404);
    }
}
