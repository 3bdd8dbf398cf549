package io.flightdeck.publishing.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.publishing.NetworkOAuthFakes;
import io.flightdeck.publishing.networks.tiktok.FakeTikTok;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A network's choices and rules end to end, with a TikTok account connected through TikTok's sign-in (its fake, an app
 * TikTok has not audited yet): the choices it offers as the creator's settings allow them, the composer that asks for
 * the privacy level TikTok wants chosen, the readiness item and the waiting post that say what TikTok would refuse.
 */
@FlightdeckTest
class NetworkChoicesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    private Member owner;
    private MockHttpSession admin;
    private String campaign;
    private String tiktok;

    @BeforeEach
    void setUp() {
        owner = workspaces.withoutApprovals("Choices");
        admin = web.signIn(owner);
        campaign = new ApprovalRequests(mvc).campaign(owner, "Short videos");
        tiktok = connectTikTok();
    }

    /** The channels page's connect button, TikTok's answer with its code, and the callback page. */
    private String connectTikTok() {
        MvcTestResult started = mvc.post().uri("/channels/connect/tiktok").session(admin).with(csrf())
                .param("timeZone", "UTC").exchange();
        URI authorize = URI.create(started.getResponse().getRedirectedUrl());
        assertThat(authorize.getPath()).isEqualTo("/v2/auth/authorize/");
        String state = authorize.getRawQuery().replaceAll(".*(?:^|&)state=([^&]+).*", "$1");
        MvcTestResult back = mvc.get().uri("/channels/oauth/tiktok/callback?code=" + FakeTikTok.CODE + "&state=" + state)
                .session(admin).exchange();
        assertThat(back).hasRedirectedUrl("/channels");
        List<String> ids = Json.read(api.as(owner).get("/api/v1/channels"), "$[?(@.network == 'tiktok')].id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    @Test
    void tiktokOffersOnlyWhatTheCreatorAndTheAppsAuditAllow() {
        NetworkOAuthFakes.TIKTOK.duetDisabled = true;
        try {
            var offered = api.as(owner).get("/api/v1/channels/post-options/" + tiktok);
            assertThat(offered).hasStatusOk();
            assertThat(Json.<Object>read(offered, "$.unavailable")).isNull();
            assertThat(Json.<List<String>>read(offered, "$.options[?(@.key == 'privacy')].choices[*].value"))
                    .containsExactly("SELF_ONLY"); // an unaudited app posts privately only
            assertThat(Json.<List<Object>>read(offered, "$.options[?(@.key == 'privacy')].defaultValue"))
                    .containsExactly((Object) null);
            assertThat(Json.<List<String>>read(offered, "$.options[?(@.key == 'duets')].disabledWhy"))
                    .singleElement().asString().isNotBlank();
            // a viewer reads them; another workspace does not see the account
            Member viewer = workspaces.addMember(owner, Role.VIEWER);
            assertThat(api.as(viewer).get("/api/v1/channels/post-options/" + tiktok)).hasStatusOk();
            assertThat(api.as(workspaces.withoutApprovals("Elsewhere")).get("/api/v1/channels/post-options/"
                    + tiktok)).hasStatus(404);
        } finally {
            NetworkOAuthFakes.TIKTOK.duetDisabled = false;
        }
    }

    @Test
    void theComposerAsksForThePrivacyLevelTiktokWantsChosen() throws Exception {
        String compose = "/campaigns/" + campaign + "/compose";
        String page = web.page(admin, compose);
        assertThat(page).contains("On " + FakeTikTok.NICKNAME + " (TikTok)").contains("Choose…")
                .contains("name=\"opt_" + tiktok + "_privacy\"");

        MvcTestResult refused = web.post(admin, compose, "accountIds", tiktok, "text", "Roasting day", "when", "best");
        assertThat(refused.getResponse().getContentAsString().replace("&#39;", "'"))
                .contains("field-error").contains("Who can see this video (posting as " + FakeTikTok.NICKNAME
                        + "): choose one.");
        assertThat(posts()).isZero();

        MvcTestResult scheduled = web.post(admin, compose, "accountIds", tiktok, "text", "Roasting day", "when", "best",
                "opt_" + tiktok + "_privacy", "SELF_ONLY");
        assertThat(scheduled.getResponse().getRedirectedUrl()).startsWith("/campaigns/" + campaign + "/tabs/posts");
        var queue = api.as(owner).get("/api/v1/social/queue/" + campaign);
        assertThat(Json.<Map<String, String>>read(queue, "$.items[0].channels[0].networkOptions"))
                .containsEntry("privacy", "SELF_ONLY").containsEntry("comments", "off");
    }

    @Test
    void whatTiktokWouldRefuseBlocksTheLaunchAndHoldsADuePost() {
        // TikTok takes one video, and an unaudited app only private posts: this post has neither
        var created = api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Roasting day","at":"%s",
                 "networkOptions":{"privacy":"PUBLIC_TO_EVERYONE"}}""".formatted(campaign, tiktok,
                Instant.now().plus(Duration.ofDays(2))));
        assertThat(created).hasStatus(201);
        var readiness = api.as(owner).get("/api/v1/campaigns/" + campaign + "/readiness");
        List<Map<String, Object>> items = Json.read(readiness, "$.items[?(@.key == 'publishing.media')]");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("done")).isEqualTo(false);
            assertThat(item.get("blocking")).isEqualTo(true);
            assertThat((String) item.get("reason")).startsWith("TikTok: ").contains("video").contains("Only me");
        });

        // a post due now waits with TikTok's words beside the campaign's own state, and TikTok is never asked to
        // start a publish
        long inits = NetworkOAuthFakes.TIKTOK.inits();
        String due = Json.read(api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Now","networkOptions":{"privacy":"SELF_ONLY"},"at":"%s"}"""
                .formatted(campaign, tiktok, Instant.now())), "$.channels[0].id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Json.<List<String>>read(api.as(owner)
                .get("/api/v1/social/channel-posts/" + due), "$.blockers[*].key").contains("preflight:0"));
        var waiting = api.as(owner).get("/api/v1/social/channel-posts/" + due);
        assertThat(Json.<String>read(waiting, "$.status")).isEqualTo("SCHEDULED");
        assertThat(Json.<List<String>>read(waiting, "$.blockers[?(@.key == 'preflight:0')].message")).singleElement()
                .asString().startsWith("TikTok would refuse it: ").contains("video");
        assertThat(NetworkOAuthFakes.TIKTOK.inits()).isEqualTo(inits);
    }

    private long posts() {
        return ((Number) Json.read(api.as(owner).get("/api/v1/social/queue/" + campaign), "$.total")).longValue();
    }
}
