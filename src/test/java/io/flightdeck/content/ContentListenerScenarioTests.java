package io.flightdeck.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyRevised;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content's two listeners: a new strategy version makes the campaign's older creatives stale (published here as
 * strategy publishes it; the listener needs nothing from strategy but the event), and an approver's decision on a
 * creative reaches it (the stimulus is the real approval through the approvals API, since the listener asks approvals
 * for the item's state rather than trusting the event). Runs in the shared context.
 */
@FlightdeckTest
@EnableScenarios
class ContentListenerScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String CREATIVES = "/api/v1/content/creatives/";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private ApprovalRequests approvals;
    private Member owner;
    private String campaign;
    private String creative;

    @BeforeEach
    void setUp() {
        approvals = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Content listeners");
        campaign = approvals.campaign(owner, "Spring teaser");
        creative = Json.read(api.as(owner).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Teaser","channels":["INSTAGRAM"]}""".formatted(campaign)), "$.id");
    }

    private <T> T field(String name) {
        return Json.read(api.as(owner).get(CREATIVES + creative), "$." + name);
    }

    @Test
    void aNewStrategyVersionMakesOlderCreativesStale(Scenario scenario) {
        assertThat(this.<Integer>field("staleAgainstVersion")).isNull();
        scenario.publish(new StrategyRevised(owner.workspaceId(), UUID.fromString(campaign), UUID.randomUUID(), 2, 1,
                        owner.userId(), Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> this.<Integer>field("staleAgainstVersion"), version -> version != null)
                .andVerify(version -> assertThat(version).isEqualTo(2));
    }

    @Test
    void anApproversDecisionReachesTheCreative(Scenario scenario) {
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        assertThat(api.as(owner).post(CREATIVES + creative + "/submit")).hasStatusOk();
        assertThat(this.<String>field("status")).isEqualTo("IN_REVIEW");
        String item = Json.<List<String>>read(api.as(approver).get(ApprovalRequests.CAMPAIGNS + "/" + campaign
                + "/approval-items"), "$.items[?(@.itemId=='" + creative + "')].id").get(0);

        scenario.stimulate(transactions -> approvals.approve(approver, item))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> this.<String>field("status"), "APPROVED"::equals)
                .andVerify(status -> assertThat(approvals.state(approver, item)).isEqualTo("APPROVED"));
    }
}
