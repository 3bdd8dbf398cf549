package io.flightdeck.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.notifications.slack.FakeSlackApi;
import io.flightdeck.notifications.slack.SlackClicks;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Approving from Slack, against a local fake of Slack's API and clicks signed as Slack signs them: the approver's
 * direct message carries the approval with its buttons; a bad or stale signature changes nothing; a good click is
 * answered at once and decided afterwards, once however often it is clicked or Slack retries; the message then says
 * who decided (chat.update). A click from someone who may not decide, from an unlinked Slack user, or on a round
 * that has moved on is refused to that person alone, and nothing is recorded.
 */
@FlightdeckTest
class SlackApprovalTests {

    private static final FakeSlackApi SLACK = SlackSetup.SLACK;

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    private ApprovalRequests approvals;
    private Member owner;
    private Member approver;
    private Member requester;
    private String content;

    @BeforeEach
    void setUp() {
        approvals = new ApprovalRequests(mvc);
        owner = workspaces.workspace("Slack approvals");
        approver = workspaces.addMember(owner, Role.APPROVER);
        requester = workspaces.addMember(owner, Role.CONTRIBUTOR);
        SlackSetup slack = new SlackSetup(mvc, api, web);
        slack.install(owner);
        String tag = Long.toHexString(System.nanoTime()).toUpperCase();
        slack.link(approver, "UAP" + tag, "Avery Approver");
        slack.link(requester, "URQ" + tag, "Riley Requester");
        String campaign = approvals.campaign(owner, "Slack launch");
        approvals.initialized(requester, campaign);
        content = approvals.scopeId(owner, campaign, "content");
    }

    @Test
    void anApproverApprovesFromSlackOnceWhateverTheClicksAndTheMessageSaysWho() {
        String dm = "D" + slackUser(approver).substring(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> buttons(dm, content) != null);
        JsonNode approve = buttons(dm, content);
        assertThat(approve.path("confirm").path("title").path("text").asString()).isNotBlank();
        String value = approve.path("value").asString();
        String ts = messageOf(dm, content).ts();
        String click = SlackClicks.buttonClick(slackUser(approver), "approval.approve", value, dm, ts,
                SLACK.responseUrl().toString());

        // forged, altered and stale deliveries are refused before anything is read
        SlackClicks.Signed good = SlackClicks.sign(click, Instant.now());
        assertThat(post(good.body(), good.timestamp(), "v0=" + "0".repeat(64))).hasStatus(401);
        assertThat(post(good.body() + "x", good.timestamp(), good.signature())).hasStatus(401);
        SlackClicks.Signed old = SlackClicks.sign(click, Instant.now().minus(Duration.ofMinutes(6)));
        assertThat(post(old.body(), old.timestamp(), old.signature())).hasStatus(401);
        assertThat(approvals.state(owner, content)).isEqualTo("PENDING");

        // acknowledged at once; a double click and Slack's retry decide nothing more
        long started = System.nanoTime();
        assertThat(post(good.body(), good.timestamp(), good.signature())).hasStatusOk();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(post(good.body(), good.timestamp(), good.signature())).hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/slack/interactivity").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Slack-Request-Timestamp", good.timestamp()).header("X-Slack-Signature", good.signature())
                .header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout")
                .content(good.body()).exchange()).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(approvals.state(owner, content)));
        assertThat(approvals.historyKinds(owner, content)).containsOnlyOnce("APPROVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.message(dm, ts).edited());
        assertThat(SLACK.message(dm, ts).blocks().toString()).contains("Approved by A Approver")
                .doesNotContain("approval.approve");
    }

    @Test
    void whoMayNotDecideIsToldWhyAndNothingIsRecorded() {
        String dm = "D" + slackUser(approver).substring(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> buttons(dm, content) != null);
        String value = buttons(dm, content).path("value").asString();
        String ts = messageOf(dm, content).ts();

        int told = SLACK.calls("response_url").size();
        click(slackUser(requester), value, dm, ts); // not routed to a contributor, and their own request
        click("UNLINKED0001", value, dm, ts);
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.calls("response_url").size() >= told + 2);
        List<String> answers = SLACK.calls("response_url").stream().skip(told)
                .map(call -> call.json().path("text").asString()).toList();
        assertThat(answers).anyMatch(text -> text.contains("Link yourself to Slack in Flightdeck first"));
        assertThat(answers).hasSize(2).allMatch(text -> !text.isBlank());
        assertThat(SLACK.calls("response_url").stream().skip(told))
                .allMatch(call -> "ephemeral".equals(call.json().path("response_type").asString()));
        assertThat(approvals.state(owner, content)).isEqualTo("PENDING");

        // a click on a round the approval has left re-renders the message as out of date
        String earlier = value.substring(0, value.lastIndexOf('|') + 1) + "0.9";
        click(slackUser(approver), earlier, dm, ts);
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.message(dm, ts).edited());
        assertThat(SLACK.message(dm, ts).blocks().toString()).contains("out of date");
        assertThat(approvals.state(owner, content)).isEqualTo("PENDING");
    }

    @Test
    void rejectingAsksWhyInAModalAndTheSubmissionDecides() {
        String dm = "D" + slackUser(approver).substring(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> buttons(dm, content) != null);
        String value = buttons(dm, content).path("value").asString();
        String ts = messageOf(dm, content).ts();
        int opened = SLACK.calls("views.open").size();
        SlackClicks.Signed reject = SlackClicks.sign(SlackClicks.buttonClick(slackUser(approver), "approval.reject",
                value, dm, ts, SLACK.responseUrl().toString()), Instant.now());
        assertThat(post(reject.body(), reject.timestamp(), reject.signature())).hasStatusOk();
        assertThat(SLACK.calls("views.open")).hasSize(opened + 1);
        JsonNode view = SLACK.calls("views.open").get(opened).json().path("view");
        assertThat(view.path("type").asString()).isEqualTo("modal");
        String metadata = view.path("private_metadata").asString();

        SlackClicks.Signed empty = SlackClicks.sign(SlackClicks.reasonSubmitted(slackUser(approver), metadata, " "),
                Instant.now());
        MvcTestResult refused = post(empty.body(), empty.timestamp(), empty.signature());
        assertThat(refused).hasStatusOk();
        assertThat((String) Json.read(refused, "$.response_action")).isEqualTo("errors");

        SlackClicks.Signed why = SlackClicks.sign(SlackClicks.reasonSubmitted(slackUser(approver), metadata,
                "The claims need sources"), Instant.now());
        assertThat(post(why.body(), why.timestamp(), why.signature())).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> "REJECTED".equals(approvals.state(owner, content)));
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.message(dm, ts).blocks().toString()
                .contains("Rejected by A Approver"));
    }

    @Test
    void aDecisionOnTheWebUpdatesTheSlackMessage() {
        String dm = "D" + slackUser(approver).substring(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> buttons(dm, content) != null);
        String ts = messageOf(dm, content).ts();
        assertThat(approvals.approve(approver, content, "Reads well")).hasStatusOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.message(dm, ts).edited());
        assertThat(SLACK.message(dm, ts).blocks().toString()).contains("Approved by A Approver")
                .doesNotContain("approval.approve");
    }

    private void click(String slackUser, String value, String dm, String ts) {
        SlackClicks.Signed signed = SlackClicks.sign(SlackClicks.buttonClick(slackUser, "approval.approve", value, dm,
                ts, SLACK.responseUrl().toString()), Instant.now());
        assertThat(post(signed.body(), signed.timestamp(), signed.signature())).hasStatusOk();
    }

    private MvcTestResult post(String body, String timestamp, String signature) {
        return mvc.post().uri("/api/v1/slack/interactivity").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
                .content(body).exchange();
    }

    private String slackUser(Member member) {
        return Json.read(api.as(member).get("/api/v1/slack/link"), "$.slackUserId");
    }

    /** The approval's message in the DM, whatever it shows now. */
    private FakeSlackApi.Message messageOf(String dm, String approvalId) {
        return SLACK.messagesIn(dm).stream().filter(m -> m.blocks() != null && m.blocks().toString().contains(approvalId))
                .findFirst().orElseThrow();
    }

    /** The Approve button of the approval's message, or null while there is none. */
    private JsonNode buttons(String dm, String approvalId) {
        return SLACK.messagesIn(dm).stream().filter(m -> m.blocks() != null).flatMap(m -> {
            java.util.List<JsonNode> found = new java.util.ArrayList<>();
            m.blocks().forEach(block -> block.path("elements").forEach(e -> {
                if ("approval.approve".equals(e.path("action_id").asString("")) && e.path("value").asString("").contains(approvalId)) {
                    found.add(e);
                }
            }));
            return found.stream();
        }).findFirst().orElse(null);
    }
}
