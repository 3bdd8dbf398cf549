package io.flightdeck.approvals;

import java.time.Duration;
import java.util.List;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Reviewers without an account act through a link: they comment, and with permission count toward a stage's quorum. */
@FlightdeckTest
class ExternalReviewsApiTests {

    static final String EXTERNAL = "/api/v1/external-reviews/";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MutableClock clock;

    private ApprovalRequests api;
    private Member owner;
    private Member contributor;
    private Member approver;
    private String campaignId;
    private String content;

    @BeforeEach
    void setUp() {
        api = new ApprovalRequests(mvc);
        owner = workspaces.workspace("External");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        approver = workspaces.addMember(owner, Role.APPROVER);
        api.rename(approver, "Ida Inhouse");
        assertThat(api.routeScope(owner, "content",
                "[{\"name\":\"Client and team\",\"approverRole\":\"APPROVER\",\"requiredApprovals\":2}]")).hasStatusOk();
        campaignId = api.campaign(owner, "Client launch");
        api.initialized(contributor, campaignId);
        content = api.scopeId(contributor, campaignId, "content");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String links() {
        return ApprovalRequests.APPROVALS + "/" + content + "/reviewer-links";
    }

    private MvcTestResult invite(String body) {
        return api.post(contributor, links(), body);
    }

    /** Creates a link and returns its token, the last segment of the one-time url. */
    private String token(boolean canApprove, Integer days) {
        MvcTestResult created = invite("{\"name\":\"Lee Client\",\"email\":\"lee@client.example\",\"canApprove\":%s%s}"
                .formatted(canApprove, days == null ? "" : ",\"days\":" + days));
        assertThat(created).hasStatus(201);
        String url = Json.read(created, "$.url");
        assertThat(url).startsWith("http").contains("/review/");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void aLinkIsCreatedOnceAndListedWithoutItsSecret() {
        MvcTestResult created = invite("{\"name\":\"Lee Client\",\"email\":\"lee@client.example\",\"canApprove\":true}");

        assertThat(created).hasStatus(201);
        assertThat((String) Json.read(created, "$.reviewerName")).isEqualTo("Lee Client");
        assertThat((Boolean) Json.read(created, "$.canApprove")).isTrue();
        assertThat((String) Json.read(created, "$.url")).matches("https?://[^/]+/review/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        String expires = Json.read(created, "$.expiresAt");
        assertThat(java.time.Instant.parse(expires)).isBetween(clock.instant().plus(Duration.ofDays(6)),
                clock.instant().plus(Duration.ofDays(7)));

        MvcTestResult list = api.get(approver, links());
        assertThat(list).hasStatusOk();
        assertThat((List<String>) Json.read(list, "$[*].reviewerName")).containsExactly("Lee Client");
        assertThat((List<Object>) Json.read(list, "$[*].url")).containsOnlyNulls();
        String url = Json.read(created, "$.url");
        assertThat(Json.body(list)).doesNotContain(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void anExternalReviewerOpensCommentsAndApprovesTowardTheQuorum() {
        String token = token(true, null);

        MvcTestResult opened = api.anonymousGet(EXTERNAL + token);
        assertThat(opened).hasStatusOk();
        assertThat((String) Json.read(opened, "$.campaignName")).isEqualTo("Client launch");
        assertThat((String) Json.read(opened, "$.reviewerName")).isEqualTo("Lee Client");
        assertThat((Boolean) Json.read(opened, "$.mayDecideNow")).isTrue();
        assertThat((String) Json.read(opened, "$.approval.state")).isEqualTo("PENDING");
        assertThat((String) Json.read(opened, "$.approval.stageName")).isEqualTo("Client and team");

        MvcTestResult commented = api.anonymousPost(EXTERNAL + token + "/comments", "{\"body\":\"Can we say 'fastest'?\"}");
        assertThat(commented).hasStatusOk();
        assertThat((List<String>) Json.read(commented, "$.comments[*].author")).containsExactly("Lee Client (external reviewer)");
        String commentId = Json.read(commented, "$.comments[0].id");
        MvcTestResult reply = api.post(contributor, ApprovalRequests.APPROVALS + "/" + content + "/comments",
                "{\"body\":\"Legal says yes\",\"parentId\":\"%s\"}".formatted(commentId));
        assertThat(reply).hasStatus(201);
        assertThat((List<String>) Json.read(api.anonymousGet(EXTERNAL + token), "$.comments[0].replies[*].body"))
                .containsExactly("Legal says yes");

        MvcTestResult approved = api.anonymousPost(EXTERNAL + token + "/approve", "{\"comment\":\"Fine by us\"}");
        assertThat(approved).hasStatusOk();
        assertThat((String) Json.read(approved, "$.approval.state")).isEqualTo("PENDING");
        assertThat((Integer) Json.read(approved, "$.approval.stageApprovals")).isEqualTo(1);

        MvcTestResult twice = api.anonymousPost(EXTERNAL + token + "/approve", null);
        assertThat(twice).hasStatus(409);
        assertThat((String) Json.read(twice, "$.type")).endsWith("/already-decided");

        assertThat(api.approve(approver, content)).hasStatusOk();
        assertThat(api.state(approver, content)).isEqualTo("APPROVED");
        MvcTestResult history = api.history(approver, content);
        assertThat((List<String>) Json.read(history, "$.items[*].actor"))
                .containsExactly("Ida Inhouse", "Lee Client (external reviewer)", "A Contributor");
        assertThat((Object) Json.read(history, "$.items[1].actorId")).isNull();
        assertThat((String) Json.read(history, "$.items[1].comment")).contains("Fine by us");
        assertThat((Boolean) Json.read(api.anonymousGet(EXTERNAL + token), "$.mayDecideNow")).isFalse();
        assertThat(api.anonymousPost(EXTERNAL + token + "/approve", null)).hasStatus(409);
    }

    @Test
    void anExternalReviewerRejectsWithAReason() {
        String token = token(true, 3);
        MvcTestResult missing = api.anonymousPost(EXTERNAL + token + "/reject", "{}");
        assertThat(missing).hasStatus(400);
        assertThat((List<String>) Json.read(missing, "$.errors[*].field")).containsExactly("reason");

        MvcTestResult rejected = api.anonymousPost(EXTERNAL + token + "/reject", "{\"reason\":\"Wrong product shot\"}");

        assertThat(rejected).hasStatusOk();
        assertThat((String) Json.read(rejected, "$.approval.state")).isEqualTo("REJECTED");
        assertThat((String) Json.read(rejected, "$.approval.rejectionReason")).isEqualTo("Wrong product shot");
    }

    @Test
    void aCommentOnlyLinkCannotDecide() {
        String token = token(false, null);
        assertThat((Boolean) Json.read(api.anonymousGet(EXTERNAL + token), "$.mayDecideNow")).isFalse();

        MvcTestResult refused = api.anonymousPost(EXTERNAL + token + "/approve", null);
        assertThat(refused).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.anonymousPost(EXTERNAL + token + "/reject", "{\"reason\":\"No\"}")).hasStatus(403);
        assertThat(api.anonymousPost(EXTERNAL + token + "/comments", "{\"body\":\"Looks nice\"}")).hasStatusOk();
        assertThat((Integer) Json.read(api.approval(approver, content), "$.stageApprovals")).isZero();
    }

    @Test
    void anExpiredLinkIsNotFound() {
        String token = token(true, 1);
        clock.advance(Duration.ofHours(23));
        assertThat(api.anonymousGet(EXTERNAL + token)).hasStatusOk();

        clock.advance(Duration.ofHours(1).plusMinutes(1));

        for (MvcTestResult gone : List.of(api.anonymousGet(EXTERNAL + token),
                api.anonymousPost(EXTERNAL + token + "/approve", null),
                api.anonymousPost(EXTERNAL + token + "/comments", "{\"body\":\"Hello?\"}"))) {
            assertThat(gone).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat((Boolean) Json.read(api.get(contributor, links()), "$[0].expired")).isTrue();
    }

    @Test
    void aRevokedLinkIsNotFound() {
        String token = token(true, null);
        String linkId = Json.read(api.get(contributor, links()), "$[0].id");

        MvcTestResult revoked = api.post(contributor, links() + "/" + linkId + "/revoke", null);

        assertThat(revoked).hasStatusOk();
        assertThat((Boolean) Json.read(revoked, "$.revoked")).isTrue();
        assertThat(api.anonymousGet(EXTERNAL + token)).hasStatus(404);
        assertThat(api.anonymousPost(EXTERNAL + token + "/approve", null)).hasStatus(404);
        assertThat(api.approval(approver, content)).hasStatusOk();
    }

    @Test
    void madeUpTokensAreNotFound() {
        String real = token(true, null);
        String workspacePart = real.substring(0, real.indexOf('.'));
        // the all-zero and all-one workspace ids are the tenant scope's "none" and "system" markers
        String none = "AAAAAAAAAAAAAAAAAAAAAA.secret";
        String system = "_____________________w.secret";
        for (String token : List.of("garbage", "AAAA.bbbb", workspacePart + ".not-the-secret", "." + real, none, system)) {
            assertThat(api.anonymousGet(EXTERNAL + token)).as(token).hasStatus(404);
            assertThat(api.anonymousPost(EXTERNAL + token + "/approve", null)).as(token).hasStatus(404);
        }
    }

    @Test
    void onlyContributorsAndUpInviteAndRevoke() {
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.post(viewer, links(), "{\"name\":\"Lee\"}")).hasStatus(403);
        assertThat(api.post(approver, links(), "{\"name\":\"Lee\"}")).hasStatus(403);
        token(false, null);
        String linkId = Json.read(api.get(viewer, links()), "$[0].id");
        assertThat(api.post(viewer, links() + "/" + linkId + "/revoke", null)).hasStatus(403);
        Member stranger = workspaces.workspace("Link stranger");
        assertThat(api.post(stranger, links(), "{\"name\":\"Lee\"}")).hasStatus(404);
        assertThat(api.get(stranger, links())).hasStatus(404);
    }

    @Test
    void invalidInvitationsNameTheField() {
        record Case(String body, String field) {
        }
        for (Case c : List.of(new Case("{\"name\":\"  \"}", "name"), new Case("{}", "name"),
                new Case("{\"name\":\"Lee\",\"email\":\"not-an-email\"}", "email"),
                new Case("{\"name\":\"Lee\",\"days\":0}", "days"), new Case("{\"name\":\"Lee\",\"days\":31}", "days"))) {
            MvcTestResult refused = invite(c.body());
            assertThat(refused).as(c.body()).hasStatus(400);
            assertThat((List<String>) Json.read(refused, "$.errors[*].field")).as(c.body()).containsExactly(c.field());
        }
    }
}
