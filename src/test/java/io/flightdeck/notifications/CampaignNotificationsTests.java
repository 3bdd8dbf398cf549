package io.flightdeck.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPaused;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.planning.TimelineRecalculated;
import io.flightdeck.publishing.PostBlocked;
import io.flightdeck.publishing.PostFailed;
import io.flightdeck.publishing.PostPublished;
import io.flightdeck.rendering.RenderCompleted;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyRevised;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens to a campaign reaches its owner and its followers, each told which of the two they are, and never the
 * person who did it, a member who does not follow, or another workspace. Following is a member's own: twice is once,
 * a viewer may, a viewer-ceiling key may not, another workspace's campaign is not found.
 */
@FlightdeckTest
class CampaignNotificationsTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    private Member owner;
    private Member ann;
    private Member bystander;
    private UUID campaign;

    @BeforeEach
    void setUp() {
        owner = workspaces.workspace("Followed");
        ann = workspaces.addMember(owner, Role.VIEWER);
        bystander = workspaces.addMember(owner, Role.CONTRIBUTOR);
        campaign = UUID.fromString(campaigns.create(owner, "Autumn roast"));
    }

    @Test
    void followingIsTheMembersOwn() {
        String path = "/api/v1/campaigns/" + campaign + "/follow";
        assertThat((Boolean) Json.read(api.as(ann).get(path), "$.following")).isFalse();
        assertThat(api.as(ann).put(path, Map.of())).hasStatusOk();
        MvcTestResult twice = api.as(ann).put(path, Map.of());
        assertThat((Boolean) Json.read(twice, "$.following")).isTrue();
        assertThat((Integer) Json.read(twice, "$.followers")).isEqualTo(1);

        String key = Json.read(api.as(ann).post("/api/v1/api-keys", Map.of("name", "read", "roleCeiling", "VIEWER")), "$.secret");
        assertThat(api.as(ann).header("Authorization", "Bearer " + key).delete(path)).hasStatus(403);
        Member outsider = workspaces.workspace("Not followed");
        assertThat(api.as(outsider).put(path, Map.of())).hasStatus(404);
        assertThat(api.as(ann).put("/api/v1/campaigns/" + UUID.randomUUID() + "/follow", Map.of())).hasStatus(404);

        assertThat((Boolean) Json.read(api.as(ann).delete(path), "$.following")).isFalse();
        assertThat((Integer) Json.read(api.as(owner).get(path), "$.followers")).isZero();
    }

    @Test
    void theOwnerAndFollowersHearWhatHappensButNotWhoDidIt() {
        api.as(ann).put("/api/v1/campaigns/" + campaign + "/follow", Map.of());
        Instant now = Instant.now();

        publish(new CampaignPaused(owner.workspaceId(), campaign, owner.userId(), now));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(ann).contains("Autumn roast was paused: its posts wait"));
        assertThat(reasons(ann)).contains("You follow Autumn roast, which was paused.");
        assertThat(titles(owner)).as("who paused it").isEmpty();

        publish(new StrategyRevised(owner.workspaceId(), campaign, UUID.randomUUID(), 2, 1, ann.userId(), now));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(owner).contains("The strategy of Autumn roast is at version 2"));
        assertThat(reasons(owner)).contains("You own Autumn roast, which had its strategy revised.");
        assertThat(titles(ann)).as("who revised it").doesNotContain("The strategy of Autumn roast is at version 2");

        UUID channelPost = UUID.randomUUID();
        PostFailed doubt = new PostFailed(owner.workspaceId(), UUID.randomUUID(), channelPost, campaign, Channel.LINKEDIN,
                "IN_DOUBT", "in_doubt", "LinkedIn could not say whether the post arrived", now);
        publish(doubt);
        publish(doubt); // resubmitted by the publication registry
        publish(new RenderCompleted(owner.workspaceId(), UUID.randomUUID(), UUID.randomUUID(), campaign, RenderType.IMAGE,
                UUID.randomUUID(), List.of(), null));
        publish(new TimelineRecalculated(owner.workspaceId(), campaign, UUID.randomUUID(), LocalDate.now(),
                LocalDate.now().plusDays(30), 0, now));
        publish(new TimelineRecalculated(owner.workspaceId(), campaign, UUID.randomUUID(), LocalDate.now(),
                LocalDate.now().plusDays(33), 3, now));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(owner).size() == 4 && titles(ann).size() == 4);
        assertThat(titles(owner)).containsExactlyInAnyOrder("The strategy of Autumn roast is at version 2",
                "A post of Autumn roast may or may not have gone out on LinkedIn", "A render for Autumn roast is ready",
                "The plan of Autumn roast now ends 3 days late");
        assertThat(titles(ann)).containsExactlyInAnyOrder("Autumn roast was paused: its posts wait",
                "A post of Autumn roast may or may not have gone out on LinkedIn", "A render for Autumn roast is ready",
                "The plan of Autumn roast now ends 3 days late");
        assertThat(titles(bystander)).as("a member who does not follow").isEmpty();
        MvcTestResult feed = api.as(owner).get("/api/v1/notifications?category=PUBLISHING");
        assertThat((String) Json.read(feed, "$.items[0].body")).isEqualTo("LinkedIn could not say whether the post arrived");
        assertThat((String) Json.read(feed, "$.items[0].priority")).isEqualTo("HIGH");
        assertThat((String) Json.read(feed, "$.items[0].link")).isEqualTo("/social/dead-letter");
    }

    @Test
    void aBlockedCampaignTellsItsPeopleWhyAndWhereToClearIt() {
        api.as(ann).put("/api/v1/campaigns/" + campaign + "/follow", Map.of());
        UUID channelPost = UUID.randomUUID();
        PostBlocked blocked = new PostBlocked(owner.workspaceId(), UUID.randomUUID(), channelPost, campaign,
                Channel.FACEBOOK, "50% off today", List.of("The content review is waiting.", "The schedule review is waiting."),
                "/approvals/" + UUID.randomUUID(), Instant.now());
        publish(blocked);
        publish(blocked); // resubmitted by the publication registry
        String title = "Autumn roast is blocked: “50% off today” cannot go out on Facebook";
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(owner).contains(title) && titles(ann).contains(title));
        MvcTestResult feed = api.as(ann).get("/api/v1/notifications?category=CAMPAIGNS");
        assertThat(Json.<List<String>>read(feed, "$.items[?(@.trigger == 'CAMPAIGN_BLOCKED')].link"))
                .containsExactly(blocked.fixLink());
        assertThat(Json.<List<String>>read(feed, "$.items[?(@.trigger == 'CAMPAIGN_BLOCKED')].body"))
                .containsExactly("The content review is waiting. The schedule review is waiting.");
        assertThat(Json.<List<String>>read(feed, "$.items[?(@.trigger == 'CAMPAIGN_BLOCKED')].priority"))
                .containsExactly("HIGH");
        assertThat(titles(bystander)).isEmpty();
    }

    /**
     * Seen: "stop these" on a routine item (a post published) silenced the failures of the same category, and a failed
     * post's alarm stayed after the post went out on a retry.
     */
    @Test
    void aFailureIsNeverSilencedByStopTheseAndSettlesWhenThePostGoesOut() {
        Instant now = Instant.now();
        publish(new PostPublished(owner.workspaceId(), UUID.randomUUID(), UUID.randomUUID(), campaign, null,
                Channel.LINKEDIN, "sandbox", "x-1", null, now));
        String routineTitle = "Published on LinkedIn for Autumn roast";
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(owner).contains(routineTitle));
        String routine = Json.<List<String>>read(api.as(owner).get("/api/v1/notifications?size=50"),
                "$.items[?(@.title == '" + routineTitle + "')].id").get(0);
        assertThat(api.as(owner).post("/api/v1/notifications/" + routine + "/stop", Map.of("channel", "IN_APP")))
                .hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/notifications/" + routine + "/stop", Map.of("channel", "EMAIL")))
                .hasStatusOk();

        UUID failing = UUID.randomUUID();
        publish(new PostFailed(owner.workspaceId(), UUID.randomUUID(), failing, campaign, Channel.LINKEDIN, "FAILED",
                "refused", "LinkedIn refused the post", now));
        String failedTitle = "A post of Autumn roast failed on LinkedIn";
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(owner).contains(failedTitle));
        String failure = Json.<List<String>>read(api.as(owner).get("/api/v1/notifications?size=50"),
                "$.items[?(@.title == '" + failedTitle + "')].id").get(0);
        MvcTestResult item = api.as(owner).get("/api/v1/notifications/" + failure);
        assertThat((Boolean) Json.read(item, "$.inApp")).isTrue();
        assertThat(Json.<List<String>>read(item, "$.deliveries[*].channel")).as("by email at once").contains("EMAIL");
        long unseen = ((Number) Json.read(api.as(owner).get("/api/v1/notifications/unseen-count"), "$.unseen"))
                .longValue();

        // the post went out on a retry: the alarm says so and no longer rings
        publish(new PostPublished(owner.workspaceId(), UUID.randomUUID(), failing, campaign, null, Channel.LINKEDIN,
                "sandbox", "x-2", null, now.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles(owner).contains("Settled: " + failedTitle));
        MvcTestResult settled = api.as(owner).get("/api/v1/notifications/" + failure);
        assertThat((String) Json.read(settled, "$.body")).startsWith("It went out on LinkedIn after all.");
        assertThat((String) Json.read(settled, "$.readAt")).isNotNull();
        assertThat(((Number) Json.read(api.as(owner).get("/api/v1/notifications/unseen-count"), "$.unseen"))
                .longValue()).isLessThan(unseen);
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
    }

    private List<String> titles(Member member) {
        return Json.read(api.as(member).get("/api/v1/notifications?size=50"), "$.items[*].title");
    }

    private List<String> reasons(Member member) {
        return Json.read(api.as(member).get("/api/v1/notifications?size=50"), "$.items[*].reason");
    }
}
