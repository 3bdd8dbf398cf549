package io.flightdeck.guidance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.assets.AssetSamples;
import io.flightdeck.planning.PlanningRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.strategy.StrategyRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Blockers through {@code GET /api/v1/campaigns/{id}/prompting/blockers}, one source at a time on campaigns crafted
 * through the other modules' APIs: the campaign's own form, an incomplete strategy, unapproved scopes, expired asset
 * rights, a broken channel, critical-path tasks without anyone or late, a plan that overruns, stale creatives and an
 * email that could not be scheduled. Each names its module, the objects it is about and the action that clears it.
 * The ordering and the severities are read from the answer as a whole.
 */
@FlightdeckTest
class GuidanceBlockersApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static List<Map<String, Object>> blockers(ApiClient api, Member as, String campaign) {
        MvcTestResult answer = api.as(as).get("/api/v1/campaigns/" + campaign + "/prompting/blockers");
        assertThat(answer).as(Json.body(answer)).hasStatusOk();
        assertThat((String) Json.read(answer, "$.campaignId")).isEqualTo(campaign);
        return Json.read(answer, "$.blockers");
    }

    private List<Map<String, Object>> blockers(Member as, String campaign) {
        return blockers(api, as, campaign);
    }

    private static Map<String, Object> one(List<Map<String, Object>> blockers, String key) {
        List<Map<String, Object>> found = blockers.stream().filter(b -> key.equals(b.get("key"))).toList();
        assertThat(found).as("blocker %s in %s", key, blockers).hasSize(1);
        return found.get(0);
    }

    private static List<Object> keys(List<Map<String, Object>> blockers) {
        return blockers.stream().map(b -> b.get("key")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> about(Map<String, Object> blocker) {
        return (List<Map<String, Object>>) blocker.get("subjects");
    }

    @Test
    void aBareCampaignIsBlockedByItsOwnFormAndAMissingStrategy() {
        Member owner = workspaces.withoutApprovals("Guidance bare");
        String campaign = campaigns.create(owner, "Bare");

        List<Map<String, Object>> blockers = blockers(owner, campaign);

        Map<String, Object> budget = one(blockers, "campaign.budget");
        assertThat(budget).containsEntry("severity", "INFO").containsEntry("module", "campaigns")
                .containsEntry("action", "Set a budget").containsEntry("fixLink", "/campaigns/" + campaign + "/edit#budgetAmount")
                .containsEntry("weight", 20);
        assertThat(about(budget)).containsExactly(Map.of("type", "campaign", "id", campaign, "name", "Bare",
                "link", "/campaigns/" + campaign));
        assertThat(one(blockers, "campaign.dates")).containsEntry("action", "Set the start and end dates");
        assertThat(one(blockers, "strategy.complete")).containsEntry("module", "strategy")
                .containsEntry("action", "Write the strategy").containsEntry("severity", "INFO");
        assertThat(keys(blockers)).noneMatch(k -> k.toString().startsWith("approvals."));
    }

    @Test
    void aReadyCampaignHasNoBlockersAndAnIncompleteStrategyNamesItsVersion() {
        Member owner = workspaces.withoutApprovals("Guidance ready");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Ready");
        StrategyRequests strategies = new StrategyRequests(mvc);
        strategies.saveVersion(owner, campaign, "{\"goals\":[\"Sell out the spring roast\"]}");

        Map<String, Object> strategy = one(blockers(owner, campaign), "strategy.complete");
        assertThat((String) strategy.get("reason")).startsWith("Version 1 is missing");
        assertThat(strategy).containsEntry("action", "Complete the strategy");
        assertThat(about(strategy)).singleElement().satisfies(version -> assertThat(version)
                .containsEntry("type", "strategy-version").containsEntry("name", "Version 1")
                .containsEntry("link", "/campaigns/" + campaign + "/strategy/versions/1"));

        strategies.saveVersion(owner, campaign, StrategyRequests.FULL);
        assertThat(blockers(owner, campaign)).isEmpty();
    }

    @Test
    void anUnapprovedScopeBlocksAndNamesItsApprovalOnceRequested() {
        Member owner = workspaces.workspace("Guidance approvals");
        ApprovalRequests approvals = new ApprovalRequests(mvc);
        String campaign = approvals.campaign(owner, "Gated");

        Map<String, Object> content = one(blockers(owner, campaign), "approvals.content");
        assertThat(content).containsEntry("severity", "BLOCKING").containsEntry("module", "approvals")
                .containsEntry("action", "Start the approvals")
                .containsEntry("fixLink", "/campaigns/" + campaign + "/tabs/approvals#approvals");
        assertThat(about(content)).singleElement().satisfies(scope -> assertThat(scope)
                .containsEntry("type", "approval-scope").containsEntry("id", "content"));

        approvals.initialize(owner, campaign);
        String approval = approvals.scopeId(owner, campaign, "content");
        Map<String, Object> requested = one(blockers(owner, campaign), "approvals.content");
        assertThat(requested).containsEntry("action", "Get it approved");
        assertThat(about(requested)).singleElement().satisfies(a -> assertThat(a).containsEntry("type", "approval")
                .containsEntry("id", approval).containsEntry("link", "/approvals/" + approval));
    }

    @Test
    void anExpiredAssetBlocksAndRightsEndingEarlyWarn() {
        Member owner = workspaces.withoutApprovals("Guidance assets");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Licensed"); // runs 2027-03-01 to 2027-04-30
        String expired = asset(owner, campaign, "stock-beach.png", 11, "{\"expiresOn\":\"2020-01-31\"}");
        String ending = asset(owner, campaign, "model-shot.png", 12, "{\"expiresOn\":\"2027-03-15\"}");

        List<Map<String, Object>> blockers = blockers(owner, campaign);

        Map<String, Object> rights = one(blockers, "assets.rights");
        assertThat(rights).containsEntry("severity", "BLOCKING").containsEntry("module", "assets")
                .containsEntry("action", "Renew the licences or replace the assets");
        assertThat(about(rights)).singleElement().satisfies(a -> assertThat(a).containsEntry("type", "asset")
                .containsEntry("id", expired).containsEntry("name", "stock-beach.png")
                .containsEntry("link", "/assets/" + expired));
        Map<String, Object> early = one(blockers, "assets.rights-end");
        assertThat(early).containsEntry("severity", "WARNING");
        assertThat(about(early)).extracting(a -> a.get("id")).containsExactly(ending);
    }

    private String asset(Member owner, String campaign, String name, int seed, String rights) {
        MvcTestResult uploaded = api.as(owner).upload("/api/v1/campaign-assets/assets", name,
                AssetSamples.png(seed, 40, 40), "campaignId", campaign);
        assertThat(uploaded).hasStatus(201);
        String id = Json.read(uploaded, "$.asset.id");
        assertThat(api.as(owner).put("/api/v1/campaign-assets/" + id,
                "{\"name\":\"%s\",\"type\":\"IMAGE\",\"rights\":%s}".formatted(name, rights))).hasStatusOk();
        return id;
    }

    @Test
    void aDisconnectedAccountWithPostsWaitingBlocks() {
        Member owner = workspaces.withoutApprovals("Guidance channels");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Social");
        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on LinkedIn\",\"channel\":\"LINKEDIN\",\"timeZone\":\"UTC\"}"), "$.id");
        Instant at = Instant.now(clock).plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        assertThat(api.as(owner).post("/api/v1/social/schedule", """
                {"campaignId":"%s","accountId":"%s","text":"Spring is here","at":"%s"}""".formatted(campaign, account, at)))
                .hasStatus(201);
        assertThat(keys(blockers(owner, campaign))).doesNotContain("publishing.channels");

        assertThat(api.as(owner).delete("/api/v1/channels/" + account)).hasStatus(204);

        Map<String, Object> channels = one(blockers(owner, campaign), "publishing.channels");
        assertThat(channels).containsEntry("severity", "BLOCKING").containsEntry("module", "publishing")
                .containsEntry("fixLink", "/channels");
        assertThat((String) channels.get("reason")).contains("Roastery on LinkedIn (disconnected)");
        assertThat(about(channels)).singleElement().satisfies(a -> assertThat(a).containsEntry("type", "channel-account")
                .containsEntry("id", account).containsEntry("name", "Roastery on LinkedIn"));
    }

    @Test
    void criticalTasksWithoutAnyoneOrLateAndAPlanThatOverrunsAreNamed() {
        PlanningRequests planning = new PlanningRequests(mvc);
        Member owner = planning.workspace(workspaces, "Guidance plan");
        LocalDate end = LocalDate.now(clock).plusDays(10); // a product launch takes longer: the plan overruns
        String campaign = planning.launch(owner, "Squeezed", null, end);
        MvcTestResult timeline = planning.generated(owner, campaign, null);
        String timelineId = Json.read(timeline, "$.id");

        List<Map<String, Object>> blockers = blockers(owner, campaign);
        Map<String, Object> fits = one(blockers, "planning.plan-fits");
        assertThat(fits).containsEntry("severity", "WARNING").containsEntry("module", "planning")
                .containsEntry("action", "Shorten the plan or move the end date");
        assertThat(about(fits)).extracting(a -> a.get("id")).containsExactly(timelineId);
        Map<String, Object> unassigned = one(blockers, "planning.critical-assigned");
        assertThat(about(unassigned)).isNotEmpty().allSatisfy(task -> assertThat(task).containsEntry("type", "task")
                .containsEntry("link", "/tasks/" + task.get("id")));
        assertThat(keys(blockers)).doesNotContain("planning.critical-on-time");

        MvcTestResult critical = planning.get(owner, "/api/v1/campaigns/" + campaign + "/timeline/critical-path");
        String first = Json.<List<String>>read(critical, "$.items[?(@.kind == 'TASK')].id").get(0);
        LocalDate due = LocalDate.parse(Json.<List<String>>read(critical, "$.items[?(@.kind == 'TASK')].finishDate").get(0));
        clock.advance(Duration.ofDays(due.toEpochDay() - LocalDate.now(clock).toEpochDay() + 1));

        Map<String, Object> late = one(blockers(owner, campaign), "planning.critical-on-time");
        assertThat(late).containsEntry("severity", "INFO").containsEntry("action", "Finish or reschedule the late tasks")
                .containsEntry("fixLink", "/campaigns/" + campaign + "/tasks?overdue=true");
        assertThat(about(late)).extracting(a -> a.get("id")).contains(first);
    }

    @Test
    void blockersComeMostSevereFirstThenHeaviestFirstInTheChecksOrder() {
        PlanningRequests planning = new PlanningRequests(mvc);
        Member owner = planning.workspace(workspaces, "Guidance order"); // approvals on: blocking scopes
        String campaign = planning.launch(owner, "Ordered", null, LocalDate.now(clock).plusDays(10));
        planning.generated(owner, campaign, null); // a plan that overruns: a warning

        List<Map<String, Object>> blockers = blockers(owner, campaign);

        List<String> severities = blockers.stream().map(b -> b.get("severity").toString()).toList();
        assertThat(severities).contains("BLOCKING", "WARNING", "INFO").isSortedAccordingTo(
                Comparator.comparing((String s) -> List.of("BLOCKING", "WARNING", "INFO").indexOf(s)));
        List<Integer> infoWeights = blockers.stream().filter(b -> "INFO".equals(b.get("severity")))
                .map(b -> (Integer) b.get("weight")).toList();
        assertThat(infoWeights).isSortedAccordingTo(Comparator.reverseOrder());
        // equal weights keep the checks' order: the campaign's own form before the strategy, before the plan
        List<Object> infoKeys = blockers.stream().filter(b -> "INFO".equals(b.get("severity"))).map(b -> b.get("key"))
                .toList();
        assertThat(infoKeys).containsSubsequence("campaign.dates", "campaign.budget", "campaign.channels",
                "campaign.description", "strategy.complete", "planning.critical-assigned");
        assertThat(blockers).allSatisfy(b -> assertThat(b).containsKeys("title", "reason", "action", "fixLink", "subjects"));
    }

    @Test
    void anyMemberReadsThemAndAnotherWorkspaceGetsNotFound() {
        Member owner = workspaces.withoutApprovals("Guidance roles");
        String campaign = campaigns.create(owner, "Shared");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(keys(blockers(viewer, campaign))).isEqualTo(keys(blockers(owner, campaign)));

        Member stranger = workspaces.workspace("Guidance elsewhere");
        for (String path : List.of("blockers", "evaluate")) {
            MvcTestResult answer = api.as(stranger).get("/api/v1/campaigns/" + campaign + "/prompting/" + path);
            assertThat(answer).as(path).hasStatus(404)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(Json.body(answer)).doesNotContain("Shared");
        }
        assertThat(api.anonymous().get("/api/v1/campaigns/" + campaign + "/prompting/blockers")).hasStatus(401);
    }
}
