package io.flightdeck.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.planning.TimelineRecalculated;
import io.flightdeck.publishing.PostBlocked;
import io.flightdeck.publishing.PostFailed;
import io.flightdeck.publishing.PostPublished;
import io.flightdeck.rendering.RenderCompleted;
import io.flightdeck.rendering.RenderFailed;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.flightdeck.notifications.NotificationFeed.each;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The nine listeners of {@code CampaignTriggers}, each fed by a {@link Scenario} in the shared context: what happens
 * to a campaign reaches its owner and its followers, each with their own reason, and never the member who did it or
 * one who does not follow. The launch, the pause and the strategy's new version are the real changes through the
 * campaigns and strategy APIs; the posts', renders' and plan's events come from work in the background (networks,
 * render providers, the planner), so they are published for the real campaign, which is all the listener reads. The
 * workspace reviews nothing, so a campaign launches on its own readiness; the owner made the campaigns, a viewer
 * follows them and a manager runs them.
 */
@FlightdeckTest
@EnableScenarios
class CampaignNotificationScenarioTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DEAD_LETTER = "/social/dead-letter";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    private NotificationFeed feed;
    private ApprovalRequests approvals;
    private Member owner;
    private Member manager;
    private Member ann;
    private Member bystander;
    private UUID campaign;

    @BeforeEach
    void setUp() {
        feed = new NotificationFeed(api, jdbc);
        approvals = new ApprovalRequests(mvc);
        owner = workspaces.withoutApprovals("Campaign listeners");
        manager = workspaces.addMember(owner, Role.MANAGER);
        ann = workspaces.addMember(owner, Role.VIEWER);
        bystander = workspaces.addMember(owner, Role.CONTRIBUTOR);
        campaign = UUID.fromString(campaigns.create(owner, "Autumn roast"));
        follow(campaign.toString());
    }

    private void follow(String id) {
        assertThat(api.as(ann).put("/api/v1/campaigns/" + id + "/follow", Map.of())).hasStatusOk();
    }

    /** A campaign the owner made and ann follows, walked to ready by the manager: launch is its next move. */
    private String ready(String name) {
        String id = approvals.campaign(owner, name);
        follow(id);
        approvals.makeReady(manager, id);
        return id;
    }

    /** The owner and the follower of Autumn roast each told once (see below). */
    private void toldOwnerAndFollower(String trigger, String title, String what,
            Map<String, Object> fields) {
        toldOwnerAndFollower(trigger, title, "Autumn roast", what, fields);
    }

    /**
     * The owner and the follower of the named campaign each told once, with their own reason and the same fields
     * otherwise; a member who does not follow, nothing.
     */
    private void toldOwnerAndFollower(String trigger, String title, String name, String what,
            Map<String, Object> fields) {
        for (Member member : List.of(owner, ann)) {
            String reason = (member == owner ? "You own " : "You follow ") + name + ", which " + what + ".";
            assertThat(feed.told(member, trigger)).as("%s", member.role()).singleElement().satisfies(n -> {
                assertThat(n).containsEntry("title", title).containsEntry("reason", reason);
                fields.forEach((field, value) -> assertThat(n).containsEntry(field, value));
            });
        }
        assertThat(feed.all(bystander)).as("a member who does not follow").isEmpty();
    }

    @Test
    void aLaunchTellsTheOwnerAndFollowersButNotWhoLaunched(Scenario scenario) {
        String launched = ready("Spring launch");
        scenario.stimulate(transactions -> { // no transaction around it: the request opens its own
                    assertThat(approvals.launch(manager, launched, null)).hasStatusOk();
                    return launched;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(ann, "CAMPAIGN_LAUNCHED"), told -> !told.isEmpty())
                .andVerify((told, id) -> {
                    toldOwnerAndFollower("CAMPAIGN_LAUNCHED", "Spring launch is live", "Spring launch", "was launched",
                            Map.of("link", "/campaigns/" + id, "subjectType", "campaign", "campaignId", id,
                                    "actorId", manager.userId().toString(), "priority", "NORMAL"));
                    assertThat(feed.all(manager)).as("who launched it").isEmpty();
                });
    }

    @Test
    void aPauseTellsTheOwnerAndFollowersButNotWhoPaused(Scenario scenario) {
        String paused = ready("Spring launch");
        assertThat(approvals.launch(manager, paused, null)).hasStatusOk();
        scenario.stimulate(transactions -> {
                    assertThat(api.as(manager).post("/api/v1/campaigns/" + paused + "/pause")).hasStatusOk();
                    return paused;
                })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(ann, "CAMPAIGN_PAUSED"), told -> !told.isEmpty())
                .andVerify((told, id) -> {
                    toldOwnerAndFollower("CAMPAIGN_PAUSED", "Spring launch was paused: its posts wait", "Spring launch",
                            "was paused", Map.of("link", "/campaigns/" + id, "priority", "HIGH",
                                    "actorId", manager.userId().toString()));
                    assertThat(feed.told(manager, "CAMPAIGN_PAUSED")).as("who paused it").isEmpty();
                });
    }

    @Test
    void aRevisedStrategyTellsTheOwnerAndFollowersButNotWhoRevisedIt(Scenario scenario) {
        StrategyRequests strategies = new StrategyRequests(mvc);
        scenario.stimulate(transactions -> strategies.saveVersion(manager, campaign.toString(), StrategyRequests.FULL))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "STRATEGY_REVISED"), told -> !told.isEmpty())
                .andVerify((told, version) -> {
                    assertThat(version).isEqualTo(1);
                    toldOwnerAndFollower("STRATEGY_REVISED", "The strategy of Autumn roast is at version 1",
                            "had its strategy revised", Map.of("link", "/campaigns/" + campaign + "/strategy",
                                    "subjectType", "strategy", "actorId", manager.userId().toString()));
                    assertThat(feed.all(manager)).as("who revised it").isEmpty();
                });
    }

    @Test
    void aPublishedPostTellsTheOwnerAndFollowersOnce(Scenario scenario) {
        UUID channelPost = UUID.randomUUID();
        PostPublished published = new PostPublished(owner.workspaceId(), UUID.randomUUID(), channelPost, campaign,
                null, Channel.LINKEDIN, "linkedin", "urn:li:share:7001", "https://www.linkedin.com/feed/update/7001",
                Instant.now());
        scenario.stimulate(feed.twice(published, "CampaignTriggers", channelPost))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "POST_PUBLISHED"), told -> !told.isEmpty()
                        && feed.handled("CampaignTriggers", PostPublished.class, channelPost) == 2)
                .andVerify(told -> toldOwnerAndFollower("POST_PUBLISHED", "Published on LinkedIn for Autumn roast",
                        "published a post", Map.of("link", "/campaigns/" + campaign + "/tabs/posts",
                                "subjectType", "channel-post", "subjectId", channelPost.toString(),
                                "priority", "LOW")));
    }

    @Test
    void aFailedOrMissedPostSendsTheOwnerAndFollowersToTheDeadLetters(Scenario scenario) {
        Instant now = Instant.now();
        PostFailed failed = new PostFailed(owner.workspaceId(), UUID.randomUUID(), UUID.randomUUID(), campaign,
                Channel.FACEBOOK, "FAILED", "permission_denied", "Facebook refused the page's permission", now);
        PostFailed missed = new PostFailed(owner.workspaceId(), UUID.randomUUID(), UUID.randomUUID(), campaign,
                Channel.INSTAGRAM, "MISSED", "missed", "Flightdeck was down at the post's time", now);
        scenario.stimulate(each(failed, missed))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "POST_FAILED"), told -> told.size() == 2)
                .andVerify(told -> {
                    for (Member member : List.of(owner, ann)) {
                        assertThat(feed.told(member, "POST_FAILED"))
                                .extracting(n -> n.get("title"), n -> n.get("body"), n -> n.get("link"),
                                        n -> n.get("priority"))
                                .containsExactlyInAnyOrder(
                                        tuple("A post of Autumn roast failed on Facebook",
                                                "Facebook refused the page's permission", DEAD_LETTER, "HIGH"),
                                        tuple("A post of Autumn roast missed its time on Instagram",
                                                "Flightdeck was down at the post's time", DEAD_LETTER, "HIGH"));
                    }
                    assertThat(feed.told(ann, "POST_FAILED")).extracting(n -> n.get("reason")).containsOnly(
                            "You follow Autumn roast, which has a post that needs you.");
                    assertThat(feed.all(bystander)).isEmpty();
                });
    }

    @Test
    void aBlockedPostWithoutAFixLinkPointsAtTheCampaignsPosts(Scenario scenario) {
        UUID channelPost = UUID.randomUUID();
        scenario.publish(new PostBlocked(owner.workspaceId(), UUID.randomUUID(), channelPost, campaign,
                        Channel.TWITTER, "Autumn roast is here", List.of("The campaign is not active.",
                        "The account needs connecting again."), null, Instant.now()))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(ann, "CAMPAIGN_BLOCKED"), told -> !told.isEmpty())
                .andVerify(told -> toldOwnerAndFollower("CAMPAIGN_BLOCKED",
                        "Autumn roast is blocked: “Autumn roast is here” cannot go out on X (Twitter)",
                        "has a post waiting on you", Map.of("link", "/campaigns/" + campaign + "/tabs/posts",
                                "body", "The campaign is not active. The account needs connecting again.",
                                "subjectId", channelPost.toString(), "priority", "HIGH")));
    }

    @Test
    void aFinishedRenderTellsTheOwnerAndFollowersOnce(Scenario scenario) {
        UUID job = UUID.randomUUID();
        UUID asset = UUID.randomUUID();
        RenderCompleted done = new RenderCompleted(owner.workspaceId(), job, UUID.randomUUID(), campaign,
                RenderType.IMAGE, asset, List.of(asset), null);
        scenario.stimulate(feed.twice(done, "CampaignTriggers", job))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "RENDER_FINISHED"), told -> !told.isEmpty()
                        && feed.handled("CampaignTriggers", RenderCompleted.class, job) == 2)
                .andVerify(told -> toldOwnerAndFollower("RENDER_FINISHED", "A render for Autumn roast is ready",
                        "finished a render", Map.of("link", "/render-jobs/" + job, "subjectType", "render-job",
                                "priority", "LOW")));
    }

    @Test
    void aFailedRenderSaysWhy(Scenario scenario) {
        UUID job = UUID.randomUUID();
        scenario.publish(new RenderFailed(owner.workspaceId(), job, UUID.randomUUID(), campaign, RenderType.VIDEO,
                        "insufficient_credit", "The provider's account ran out of credit", 3))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "RENDER_FAILED"), told -> !told.isEmpty())
                .andVerify(told -> toldOwnerAndFollower("RENDER_FAILED", "A render for Autumn roast failed",
                        "has a failed render", Map.of("link", "/render-jobs/" + job,
                                "body", "The provider's account ran out of credit", "priority", "HIGH")));
    }

    @Test
    void aPlanThatEndsLateTellsTheOwnerAndFollowersAndOneThatFitsNobody(Scenario scenario) {
        UUID fitting = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        LocalDate start = LocalDate.parse("2031-03-03");
        scenario.stimulate(each(
                        new TimelineRecalculated(owner.workspaceId(), campaign, fitting, start, start.plusDays(30), 0,
                                Instant.now()),
                        new TimelineRecalculated(owner.workspaceId(), campaign, late, start, start.plusDays(31), 1,
                                Instant.now())))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> feed.told(owner, "PLAN_LATE"), told -> !told.isEmpty()
                        && feed.handled("CampaignTriggers", TimelineRecalculated.class, fitting) == 1)
                .andVerify(told -> toldOwnerAndFollower("PLAN_LATE", "The plan of Autumn roast now ends 1 day late",
                        "has a plan running late", Map.of("link", "/campaigns/" + campaign + "/timeline",
                                "body", "The critical path ends on 2031-04-03.", "subjectId", late.toString(),
                                "priority", "HIGH")));
    }
}
