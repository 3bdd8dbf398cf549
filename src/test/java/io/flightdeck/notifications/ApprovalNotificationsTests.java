package io.flightdeck.notifications;

import java.time.Duration;
import java.util.List;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Approvals through notifications, on a two-stage content scope (a review by approvers, then compliance by a named
 * contributor): each stage that opens tells whoever may decide it then, and the decision tells the requester and the
 * campaign's owner; the person acting is never told of their own act.
 */
@FlightdeckTest
class ApprovalNotificationsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void eachStageTellsItsDecidersAndTheDecisionTellsRequesterAndOwner() {
        ApprovalRequests approvals = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("Approval bell");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        Member compliance = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member requester = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(approvals.routeScope(manager, "content", """
                [{"name":"Content review","approverRole":"APPROVER","requiredApprovals":1},
                 {"name":"Compliance","approverIds":["%s"]}]""".formatted(compliance.userId()))).hasStatusOk();
        String campaign = approvals.campaign(manager, "Bell launch");
        approvals.initialized(requester, campaign);
        String content = approvals.scopeId(viewer, campaign, "content");

        // initializing opens every scope's approval; the content scope's is the one routed here
        String aboutContent = "$.items[?(@.link == '/approvals/" + content + "')]";
        await().atMost(Duration.ofSeconds(30)).until(() -> !Json.<List<Object>>read(
                api.as(approver).get("/api/v1/notifications?category=APPROVALS&size=50"), aboutContent).isEmpty());
        MvcTestResult items = api.as(approver).get("/api/v1/notifications?category=APPROVALS&size=50");
        assertThat(Json.<List<String>>read(items, aboutContent + ".title")).singleElement().asString()
                .startsWith("Approval needed:");
        assertThat(Json.<List<String>>read(items, aboutContent + ".reason")).singleElement().asString()
                .startsWith("You may decide the Content review stage");
        assertThat(Json.<List<String>>read(items, aboutContent + ".priority")).containsExactly("HIGH");
        assertThat(titles(compliance)).as("not routed the first stage").noneMatch(t -> t.startsWith("Approval needed"));
        assertThat(titles(owner)).as("an owner may decide any stage").anyMatch(t -> t.startsWith("Approval needed"));
        assertThat(titles(viewer)).isEmpty();
        assertThat(titles(manager)).as("a manager is not an approver").noneMatch(t -> t.startsWith("Approval needed"));

        assertThat(approvals.approve(approver, content, "Reads well")).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(compliance).stream()
                .anyMatch(t -> t.startsWith("Approval needed:")));

        assertThat(approvals.approve(compliance, content, "Claims are sourced")).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(requester).stream().anyMatch(t -> t.startsWith("Approved:")));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(manager).stream().anyMatch(t -> t.startsWith("Approved:")));
        assertThat(titles(requester)).filteredOn(t -> t.startsWith("Approved:")).singleElement().asString()
                .endsWith("(by A Contributor)");
        assertThat(titles(compliance)).as("the decider").noneMatch(t -> t.startsWith("Approved:"));
    }

    @Test
    void theDiscussionHearsOfEachCommentAndAChangeRequestWeighsMore() {
        ApprovalRequests approvals = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("Approval discussion");
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        Member requester = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member second = workspaces.addMember(owner, Role.APPROVER);
        String campaign = approvals.campaign(owner, "Discussed launch");
        approvals.initialized(requester, campaign);
        String content = approvals.scopeId(owner, campaign, "content");

        assertThat(api.as(approver).post("/api/v1/approvals/" + content + "/comments",
                java.util.Map.of("body", "The second line needs a source", "changeRequest", true))).hasStatus(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(requester).stream()
                .anyMatch(t -> t.startsWith("A Approver asked for changes to")));
        MvcTestResult feed = api.as(requester).get("/api/v1/notifications?category=COMMENTS&size=50");
        assertThat(Json.<List<String>>read(feed, "$.items[?(@.trigger == 'APPROVAL_COMMENT')].priority"))
                .containsExactly("HIGH");
        assertThat(titles(approver)).as("the author").noneMatch(t -> t.contains("asked for changes"));

        assertThat(api.as(requester).post("/api/v1/approvals/" + content + "/comments",
                java.util.Map.of("body", "Added the source; please look again"))).hasStatus(201);
        for (Member decider : List.of(approver, second)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> titles(decider).stream()
                    .anyMatch(t -> t.startsWith("A Contributor commented on")));
        }
        assertThat(titles(requester)).as("the author").noneMatch(t -> t.startsWith("A Contributor commented on"));
    }

    private List<String> titles(Member member) {
        MvcTestResult feed = api.as(member).get("/api/v1/notifications?size=50");
        assertThat(feed).hasStatusOk();
        return Json.read(feed, "$.items[*].title");
    }
}
