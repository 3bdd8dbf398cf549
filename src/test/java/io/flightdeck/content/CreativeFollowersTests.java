package io.flightdeck.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalDecided;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.approvals.ApprovalState;
import io.flightdeck.content.creatives.CreativeReviews;
import io.flightdeck.content.creatives.Creatives;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyRevised;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The content listeners are idempotent and trust the state, not the event: a strategy version delivered twice marks
 * once, and a decision delivered late cannot approve a creative changed since.
 */
@FlightdeckTest
class CreativeFollowersTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    Creatives creatives;
    @Autowired
    CreativeReviews reviews;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aStrategyVersionDeliveredTwiceMarksOnce() {
        Member owner = workspaces.workspace("Followers stale");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Followed");
        String id = Json.read(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Teaser","channels":["INSTAGRAM"]}""".formatted(campaign)), "$.id");
        UUID campaignId = UUID.fromString(campaign);

        int first = workspaces.as(owner, () -> creatives.markStale(campaignId, 3));
        int again = workspaces.as(owner, () -> creatives.markStale(campaignId, 3));
        int older = workspaces.as(owner, () -> creatives.markStale(campaignId, 2));

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(older).isZero();
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/content/creatives/" + id), "$.staleAgainstVersion"))
                .isEqualTo(3);

        // through the event, as the strategy module publishes it after its commit
        transactions.executeWithoutResult(tx -> events.publishEvent(new StrategyRevised(owner.workspaceId(), campaignId,
                UUID.randomUUID(), 4, 3, owner.userId(), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Integer.valueOf(4).equals(Json.read(api.as(owner).get("/api/v1/content/creatives/" + id), "$.staleAgainstVersion")));
    }

    @Test
    void aLateDecisionDoesNotApproveACreativeChangedSince() {
        Member owner = workspaces.workspace("Followers decision");
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        ApprovalRequests approvals = new ApprovalRequests(mvc);
        String campaign = approvals.campaign(owner, "Decided");
        String id = Json.read(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Teaser","channels":["INSTAGRAM"]}""".formatted(campaign)), "$.id");
        assertThat(api.as(owner).post("/api/v1/content/creatives/" + id + "/submit")).hasStatusOk();
        String item = ((List<String>) Json.read(api.as(approver).get(ApprovalRequests.CAMPAIGNS + "/" + campaign
                + "/approval-items"), "$.items[?(@.itemId=='" + id + "')].id")).get(0);
        assertThat(approvals.approve(approver, item)).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "APPROVED".equals(Json.read(api.as(owner).get("/api/v1/content/creatives/" + id), "$.status")));
        assertThat(api.as(owner).put("/api/v1/content/creatives/" + id + "/components/cta", "{\"text\":\"Taste it\"}"))
                .hasStatusOk();

        // the first cycle's decision delivered again, after the change
        transactions.executeWithoutResult(tx -> events.publishEvent(new ApprovalDecided(owner.workspaceId(),
                UUID.fromString(item), UUID.fromString(campaign), "content", "creative", UUID.fromString(id),
                ApprovalState.APPROVED, approver.userId(), Instant.now())));
        workspaces.as(owner, () -> {
            reviews.followReview(UUID.fromString(id));
            return null;
        });

        assertThat((String) Json.read(api.as(owner).get("/api/v1/content/creatives/" + id), "$.status")).isEqualTo("IN_REVIEW");
    }
}
