package io.flightdeck.approvals;

import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Threaded comments, change requests and @mentions on an approval. */
@FlightdeckTest
@RecordApplicationEvents
class ApprovalCommentsApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationEvents events;

    private ApprovalRequests api;
    private Member owner;
    private Member contributor;
    private Member approver;
    private Member manager;
    private Member viewer;
    private String campaignId;
    private String content;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Comments");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        approver = workspaces.addMember(owner, Role.APPROVER);
        manager = workspaces.addMember(owner, Role.MANAGER);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        api.rename(contributor, "Cy Writer");
        api.rename(approver, "Ann Lee");
        api.rename(manager, "Ann");
        campaignId = api.campaign(owner, "Discussed launch");
        api.initialized(contributor, campaignId);
        content = api.scopeId(viewer, campaignId, "content");
    }

    private String comments() {
        return ApprovalRequests.APPROVALS + "/" + content + "/comments";
    }

    private MvcTestResult post(Member as, String body) {
        return api.post(as, comments(), body);
    }

    private String postId(Member as, String body) {
        MvcTestResult posted = post(as, body);
        assertThat(posted).hasStatus(201);
        return Json.read(posted, "$.id");
    }

    @Test
    void mentionsNameMembersByDisplayNameOrEmail() {
        MvcTestResult posted = post(contributor, "{\"body\":\"@Ann Lee can you check the claim? cc @%s\"}"
                .formatted(viewer.email()));

        assertThat(posted).hasStatus(201);
        assertThat((String) Json.read(posted, "$.author")).isEqualTo("Cy Writer");
        assertThat((String) Json.read(posted, "$.kind")).isEqualTo("COMMENT");
        // "@Ann Lee" mentions Ann Lee, not Ann as well
        assertThat((List<String>) Json.read(posted, "$.mentions[*].userId"))
                .containsExactlyInAnyOrder(approver.userId().toString(), viewer.userId().toString());
        assertThat((List<String>) Json.read(posted, "$.mentions[*].name")).contains("Ann Lee");
        String id = Json.read(posted, "$.id");
        assertThat(events.stream(ApprovalCommentPosted.class).filter(e -> e.commentId().toString().equals(id)))
                .singleElement().satisfies(e -> {
                    assertThat(e.mentionedUserIds()).containsExactlyInAnyOrder(approver.userId(), viewer.userId());
                    assertThat(e.authorId()).isEqualTo(contributor.userId());
                    assertThat(e.approvalId()).isEqualTo(UUID.fromString(content));
                    assertThat(e.campaignId()).isEqualTo(UUID.fromString(campaignId));
                });

        MvcTestResult both = post(contributor, "{\"body\":\"@Ann and @ann lee, thoughts?\"}");
        assertThat((List<String>) Json.read(both, "$.mentions[*].userId"))
                .containsExactlyInAnyOrder(manager.userId().toString(), approver.userId().toString());
        MvcTestResult none = post(contributor, "{\"body\":\"Ask @Annabel, or mail ann@example.org\"}");
        assertThat((List<?>) Json.read(none, "$.mentions")).isEmpty();
    }

    @Test
    void repliesThreadUnderTheirFirstComment() {
        String root = postId(contributor, "{\"body\":\"Is the headline too long?\"}");
        String reply = postId(approver, "{\"body\":\"A bit\",\"parentId\":\"%s\"}".formatted(root));
        postId(contributor, "{\"body\":\"Shortened it\",\"parentId\":\"%s\"}".formatted(reply));
        postId(manager, "{\"body\":\"Separate topic\"}");

        MvcTestResult thread = api.get(viewer, comments());

        assertThat(thread).hasStatusOk();
        assertThat((List<String>) Json.read(thread, "$[*].body")).containsExactly("Is the headline too long?", "Separate topic");
        assertThat((List<String>) Json.read(thread, "$[0].replies[*].body")).containsExactly("A bit", "Shortened it");
        assertThat((List<String>) Json.read(thread, "$[0].replies[*].parentId")).containsOnly(root);
        assertThat((List<String>) Json.read(thread, "$[0].replies[*].author")).containsExactly("Ann Lee", "Cy Writer");
        assertThat((List<?>) Json.read(thread, "$[1].replies")).isEmpty();
        // the campaign scope path shows the same thread
        MvcTestResult byScope = api.get(viewer, ApprovalRequests.scopePath(campaignId, "content") + "/comments");
        assertThat(Json.body(byScope)).isEqualTo(Json.body(thread));
    }

    @Test
    void aChangeRequestIsResolvedWhenAddressed() {
        String request = postId(approver, "{\"body\":\"Please add the legal line\",\"changeRequest\":true}");
        MvcTestResult open = api.get(viewer, comments());
        assertThat((String) Json.read(open, "$[0].kind")).isEqualTo("CHANGE_REQUEST");
        assertThat((Boolean) Json.read(open, "$[0].resolved")).isFalse();

        assertThat(api.post(viewer, comments() + "/" + request + "/resolve", null)).hasStatus(403);
        MvcTestResult resolved = api.post(contributor, comments() + "/" + request + "/resolve", null);

        assertThat(resolved).hasStatusOk();
        assertThat((Boolean) Json.read(resolved, "$.resolved")).isTrue();
        assertThat((String) Json.read(resolved, "$.resolvedAt")).isNotNull();
        assertThat((Boolean) Json.read(api.get(viewer, comments()), "$[0].resolved")).isTrue();
        // resolving twice changes nothing; an unknown comment is not found
        assertThat(api.post(contributor, comments() + "/" + request + "/resolve", null)).hasStatusOk();
        assertThat(api.post(contributor, comments() + "/" + UUID.randomUUID() + "/resolve", null)).hasStatus(404);
        // the author resolves their own too
        String own = postId(approver, "{\"body\":\"Also the date\",\"changeRequest\":true}");
        assertThat(api.post(approver, ApprovalRequests.scopePath(campaignId, "content") + "/comments/" + own + "/resolve", null))
                .hasStatusOk();
    }

    @Test
    void whoMayComment() {
        MvcTestResult refused = post(viewer, "{\"body\":\"Looks great\"}");
        assertThat(refused).hasStatus(403);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/forbidden");
        // an approver comments on what is routed to them, not on a scope routed elsewhere
        Member compliance = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(api.routeScope(owner, "ads", "[{\"name\":\"Compliance\",\"approverIds\":[\"%s\"]}]"
                .formatted(compliance.userId()))).hasStatusOk();
        String fresh = api.campaign(owner, "Routed elsewhere");
        api.initialized(contributor, fresh);
        String ads = api.scopeId(viewer, fresh, "ads");
        assertThat(api.post(approver, ApprovalRequests.APPROVALS + "/" + ads + "/comments", "{\"body\":\"Hm\"}")).hasStatus(403);
        assertThat(api.post(approver, ApprovalRequests.APPROVALS + "/" + api.scopeId(viewer, fresh, "content") + "/comments",
                "{\"body\":\"Hm\"}")).hasStatus(201);
        assertThat(api.post(manager, ApprovalRequests.APPROVALS + "/" + ads + "/comments", "{\"body\":\"Fine\"}")).hasStatus(201);
        Member stranger = workspaces.workspace("Comment stranger");
        assertThat(post(stranger, "{\"body\":\"Hi\"}")).hasStatus(404);
        assertThat(api.get(stranger, comments())).hasStatus(404);
        assertThat((List<?>) Json.read(api.get(viewer, comments()), "$")).isEmpty();
    }

    @Test
    void invalidCommentsNameTheField() {
        for (String body : new String[] {"{}", "{\"body\":\"   \"}", "{\"body\":\"%s\"}".formatted("x".repeat(4001))}) {
            MvcTestResult refused = post(contributor, body);
            assertThat(refused).hasStatus(400);
            assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("body");
        }
        MvcTestResult orphan = post(contributor, "{\"body\":\"Reply\",\"parentId\":\"%s\"}".formatted(UUID.randomUUID()));
        assertThat(orphan).hasStatus(400);
        assertThat((List<String>) Json.read(orphan, "$.errors[*].field")).containsExactly("parentId");
    }
}
