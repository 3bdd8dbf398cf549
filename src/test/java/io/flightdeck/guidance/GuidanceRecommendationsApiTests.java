package io.flightdeck.guidance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommendations of real campaigns through the API: the situation gathered from analytics (an underperforming
 * channel beside the workspace's other campaign), publishing (a post the network refused), the reactions people make
 * and take back, and the admins' switches.
 */
@FlightdeckTest
class GuidanceRecommendationsApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    JdbcClient jdbc;

    private static final String UNDERPERFORMING = "underperforming-channel";

    private WeakChannels weak() {
        return new WeakChannels(api, mvc, jdbc);
    }

    private static String prompting(String campaign, String rest) {
        return "/api/v1/campaigns/" + campaign + "/prompting/" + rest;
    }

    private static Map<String, Object> response(String ruleId, String targetType, String targetId, String kind,
            String reason, String until) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("ruleId", ruleId, "targetType", targetType,
                "targetId", targetId, "response", kind));
        if (reason != null) {
            body.put("reason", reason);
        }
        if (until != null) {
            body.put("until", until);
        }
        return body;
    }

    @Test
    void aFailedPostAndAnUnderperformingChannelGiveThoseRecommendations() {
        Member owner = workspaces.withoutApprovals("Guidance recommendations");
        String campaign = weak().activeCampaign(owner, "Spring launch", 50);
        var account = api.as(owner).post("/api/v1/channels/sandbox", """
                {"displayName":"Instagram (refuses)","channel":"INSTAGRAM","timeZone":"UTC","settings":{"mode":"REFUSE"}}""");
        assertThat(account).hasStatus(201);
        var post = api.as(owner).post("/api/v1/social/schedule-multi-platform", """
                {"campaignId":"%s","title":"Launch day","text":"Spring roast is back",
                 "targets":[{"accountId":"%s","at":"%s"}]}"""
                .formatted(campaign, Json.<String>read(account, "$.id"), Instant.now().plusSeconds(2)));
        assertThat(post).hasStatus(201);
        String channelPost = Json.read(post, "$.channels[0].id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(Json.read(
                api.as(owner).get("/api/v1/social/posts/" + Json.read(post, "$.id")), "$.channels[0].status")));

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MvcTestResult found = api.as(viewer).get(prompting(campaign, "recommendation"));

        assertThat(found).hasStatusOk();
        // recovery comes first, then performance
        assertThat(Json.<List<String>>read(found, "$.recommendations[*].ruleId"))
                .containsExactly("failed-post-recovery", UNDERPERFORMING);
        assertThat(Json.<String>read(found, "$.recommendations[0].action.link"))
                .isEqualTo("/campaigns/" + campaign + "/tabs/posts#social");
        assertThat(Json.<List<String>>read(found, "$.recommendations[0].evidence[*].link"))
                .containsExactly("/social/channel-posts/" + channelPost + "/preview");
        assertThat(Json.<String>read(found, "$.recommendations[1].target.id")).isEqualTo("FACEBOOK");
        // 0.50 % against 3.0 %: a sixth
        assertThat(Json.<String>read(found, "$.recommendations[1].what")).contains("17 %");
        assertThat(Json.<List<String>>read(found, "$.recommendations[1].evidence[*].value"))
                .contains("0.50 % (50 clicks of 10,000 impressions)", "3.0 % (300 clicks of 10,000 impressions)");
        assertThat((Integer) Json.read(found, "$.reactions.snoozed")).isZero();

        MvcTestResult recovery = api.as(viewer).get("/api/v1/orchestrator/campaigns/" + campaign + "/failure-recovery");
        assertThat(Json.<List<String>>read(recovery, "$.recoveries[*].ruleId")).containsExactly("failed-post-recovery");
        assertThat(Json.<List<String>>read(api.as(viewer).get("/api/v1/orchestrator/campaigns/" + campaign
                + "/recommendations"), "$.recommendations[*].ruleId"))
                .containsExactly("failed-post-recovery", UNDERPERFORMING);
        MvcTestResult evaluation = api.as(viewer).get(prompting(campaign, "evaluate"));
        assertThat(Json.<List<String>>read(evaluation, "$.recommendations[*].ruleId"))
                .containsExactly("failed-post-recovery", UNDERPERFORMING);

        Member stranger = workspaces.workspace("Elsewhere");
        assertThat(api.as(stranger).get(prompting(campaign, "recommendation"))).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/orchestrator/campaigns/" + campaign + "/failure-recovery"))
                .hasStatus(404);
    }

    @Test
    void aDismissalStaysUntilTheEvidenceChangesAndUndoBringsItBack() {
        Member owner = workspaces.withoutApprovals("Guidance reactions");
        String campaign = weak().activeCampaign(owner, "Spring launch", 50);
        Member member = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String record = prompting(campaign, "record-response");
        Map<String, Object> dismiss = response(UNDERPERFORMING, "channel", "FACEBOOK", "DISMISSED",
                "Facebook is there for reach", null);

        assertThat(api.as(viewer).post(record, dismiss)).hasStatus(403);
        MvcTestResult noReason = api.as(member).post(record, response(UNDERPERFORMING, "channel", "FACEBOOK",
                "DISMISSED", null, null));
        assertThat(noReason).hasStatus(400);
        assertThat(Json.<List<String>>read(noReason, "$.errors[*].field")).containsExactly("reason");
        assertThat(Json.<List<String>>read(api.as(member).post(record, response(UNDERPERFORMING, "channel",
                "FACEBOOK", "SNOOZED", null, null)), "$.errors[*].field")).containsExactly("until");
        assertThat(Json.<List<String>>read(api.as(member).post(record, response(UNDERPERFORMING, "channel",
                "FACEBOOK", "SNOOZED", null, "2000-01-01")), "$.errors[*].field")).containsExactly("until");
        MvcTestResult notCurrent = api.as(member).post(record, response(UNDERPERFORMING, "channel", "TIKTOK",
                "ACCEPTED", null, null));
        assertThat(notCurrent).hasStatus(409);
        assertThat(Json.<String>read(notCurrent, "$.type")).endsWith("recommendation-not-current");
        Member stranger = workspaces.workspace("Elsewhere too");
        assertThat(api.as(stranger).post(record, dismiss)).hasStatus(404);
        assertThat(Json.<List<?>>read(api.as(member).get(prompting(campaign, "responses")), "$.reactions")).isEmpty();

        MvcTestResult dismissed = api.as(member).post(record, dismiss);
        assertThat(dismissed).hasStatus(201);
        assertThat(Json.<String>read(dismissed, "$.kind")).isEqualTo("DISMISSED");
        MvcTestResult after = api.as(viewer).get(prompting(campaign, "recommendation"));
        assertThat(Json.<List<?>>read(after, "$.recommendations")).isEmpty();
        assertThat((Integer) Json.read(after, "$.reactions.dismissed")).isEqualTo(1);
        assertThat(Json.<String>read(after, "$.reactions.words")).isEqualTo("1 dismissed");

        // a few more clicks keep it in the same bucket: still away
        weak().facebook(owner, campaign, 55);
        assertThat(Json.<List<?>>read(api.as(viewer).get(prompting(campaign, "recommendation")),
                "$.recommendations")).isEmpty();
        // twice the clicks is a material change: it is back, still dismissed once in the counts
        weak().facebook(owner, campaign, 100);
        assertThat(Json.<List<String>>read(api.as(viewer).get(prompting(campaign, "recommendation")),
                "$.recommendations[*].ruleId")).containsExactly(UNDERPERFORMING);

        // snoozed, then undone: it shows again, and a second undo is a conflict
        MvcTestResult snoozed = api.as(member).post(record, response(UNDERPERFORMING, "channel", "FACEBOOK", "SNOOZED",
                null, LocalDate.now(ZoneOffset.UTC).plusDays(10).toString()));
        assertThat(snoozed).hasStatus(201);
        MvcTestResult listed = api.as(viewer).get(prompting(campaign, "responses"));
        assertThat(Json.<List<String>>read(listed, "$.reactions[*].kind")).containsExactly("SNOOZED");
        assertThat((Integer) Json.read(listed, "$.counts.snoozed")).isEqualTo(1);
        String reaction = Json.read(snoozed, "$.id");
        assertThat(api.as(viewer).delete(prompting(campaign, "responses/" + reaction))).hasStatus(403);
        assertThat(api.as(stranger).delete(prompting(campaign, "responses/" + reaction))).hasStatus(404);
        assertThat(api.as(member).delete(prompting(campaign, "responses/" + UUID.randomUUID()))).hasStatus(404);
        assertThat(api.as(member).delete(prompting(campaign, "responses/" + reaction))).hasStatus(204);
        assertThat(api.as(member).delete(prompting(campaign, "responses/" + reaction))).hasStatus(409);
        assertThat(Json.<List<String>>read(api.as(viewer).get(prompting(campaign, "recommendation")),
                "$.recommendations[*].ruleId")).containsExactly(UNDERPERFORMING);
    }

    @Test
    void adminsSwitchRulesAndSeeHowOftenEachWasTakenUp() {
        Member owner = workspaces.withoutApprovals("Guidance rules");
        String campaign = weak().activeCampaign(owner, "Spring launch", 50);
        Member member = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        assertThat(api.as(member).post(prompting(campaign, "record-response"), response(UNDERPERFORMING, "channel",
                "FACEBOOK", "ACCEPTED", null, null))).hasStatus(201);

        assertThat(api.as(member).get("/api/v1/guidance/rules")).hasStatus(403);
        MvcTestResult rules = api.as(admin).get("/api/v1/guidance/rules");
        assertThat(rules).hasStatusOk();
        assertThat(Json.<List<String>>read(rules, "$.rules[*].ruleId")).contains(UNDERPERFORMING,
                "failed-post-recovery", "pacing-off-plan");
        assertThat(Json.<List<Double>>read(rules, "$.rules[?(@.ruleId == '" + UNDERPERFORMING + "')].acceptanceRate"))
                .containsExactly(1.0);

        assertThat(api.as(member).put("/api/v1/guidance/rules/" + UNDERPERFORMING, Map.of("enabled", false)))
                .hasStatus(403);
        assertThat(api.as(admin).put("/api/v1/guidance/rules/no-such-rule", Map.of("enabled", false))).hasStatus(404);
        assertThat(api.as(admin).put("/api/v1/guidance/rules/" + UNDERPERFORMING, Map.of())).hasStatus(400);
        MvcTestResult off = api.as(admin).put("/api/v1/guidance/rules/" + UNDERPERFORMING, Map.of("enabled", false));
        assertThat(off).hasStatusOk();
        assertThat((Boolean) Json.read(off, "$.enabled")).isFalse();
        // off: the accepted recommendation is no longer the campaign's, so it cannot be answered either
        assertThat(api.as(member).post(prompting(campaign, "record-response"), response(UNDERPERFORMING, "channel",
                "FACEBOOK", "SNOOZED", null, LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()))).hasStatus(409);
    }
}
