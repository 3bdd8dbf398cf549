package io.flightdeck.guidance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The two blocker sources added with guidance, as readiness items and as blockers: creatives a strategy revision left
 * behind (content), and emails that could not be scheduled yet (email). Both weigh nothing and block nothing; each
 * names its objects, and a campaign without creatives or emails gets no item at all.
 */
@FlightdeckTest
class StaleCreativeAndEmailBlockersTests {

    private static final String CREATIVES = "/api/v1/content/creatives";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    private List<Map<String, Object>> blockers(Member as, String campaign) {
        return GuidanceBlockersApiTests.blockers(api, as, campaign);
    }

    private List<String> readinessKeys(Member as, String campaign) {
        return Json.read(api.as(as).get("/api/v1/campaigns/" + campaign + "/readiness"), "$.items[*].key");
    }

    private static Map<String, Object> one(List<Map<String, Object>> blockers, String key) {
        List<Map<String, Object>> found = blockers.stream().filter(b -> key.equals(b.get("key"))).toList();
        assertThat(found).as("blocker %s in %s", key, blockers).hasSize(1);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> about(Map<String, Object> blocker) {
        return (List<Map<String, Object>>) blocker.get("subjects");
    }

    private void strategy(Member owner, String campaign, String goal) {
        assertThat(api.as(owner).post("/api/v1/campaigns/" + campaign + "/strategies", """
                {"platforms":["INSTAGRAM"],"goals":["%s"],"targetAudience":"Busy commuters",
                 "contentPillars":["Craft"],"brandTone":"warm"}""".formatted(goal))).hasStatus(201);
    }

    @Test
    void creativesMadeFromAnOlderStrategyAreNamedUntilRefreshed() {
        Member owner = workspaces.withoutApprovals("Guidance creatives");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Roast");
        assertThat(readinessKeys(owner, campaign)).doesNotContain("content.current");
        strategy(owner, campaign, "Drive online sales");
        MvcTestResult made = api.as(owner).post(CREATIVES, """
                {"campaignId":"%s","title":"Spring teaser","topic":"Our Ethiopian roast","channels":["INSTAGRAM"]}"""
                .formatted(campaign));
        assertThat(made).hasStatus(201);
        String creative = Json.read(made, "$.id");
        assertThat(one(readinessItems(owner, campaign), "content.current")).containsEntry("done", true);
        assertThat(blockers(owner, campaign)).noneMatch(b -> "content.current".equals(b.get("key")));

        strategy(owner, campaign, "Build awareness");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Json.read(api.as(owner).get(CREATIVES + "/" + creative), "$.staleAgainstVersion") != null);

        Map<String, Object> stale = one(blockers(owner, campaign), "content.current");
        assertThat(stale).containsEntry("severity", "INFO").containsEntry("module", "content")
                .containsEntry("weight", 0).containsEntry("action", "Refresh the creatives from the current strategy")
                .containsEntry("fixLink", "/campaigns/" + campaign + "/tabs/content#content");
        assertThat((String) stale.get("reason")).isEqualTo("1 creative was made from an older strategy version: "
                + "Spring teaser");
        assertThat(about(stale)).containsExactly(Map.of("type", "creative", "id", creative, "name", "Spring teaser",
                "link", "/creatives/" + creative));

        assertThat(api.as(owner).post(CREATIVES + "/" + creative + "/refresh")).hasStatusOk();
        assertThat(blockers(owner, campaign)).noneMatch(b -> "content.current".equals(b.get("key")));
    }

    private List<Map<String, Object>> readinessItems(Member as, String campaign) {
        return Json.read(api.as(as).get("/api/v1/campaigns/" + campaign + "/readiness"), "$.items");
    }

    @Test
    void anEmailThatCouldNotBeScheduledIsNamedWithWhatItNeeds() {
        Member owner = workspaces.withoutApprovals("Guidance email");
        String campaign = campaigns.create(owner, "Newsletter");
        assertThat(readinessKeys(owner, campaign)).doesNotContain("email.ready");
        String contact = Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", "ana@guidance.example",
                "consent", Map.of("source", "FORM", "evidence", "Signed up on the test form"))), "$.id");
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Guidance list")), "$.id");
        assertThat(api.as(owner).post("/api/v1/email/lists/" + list + "/members", Map.of("contactIds",
                List.of(contact)))).hasStatusOk();
        MvcTestResult made = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "Spring news", "subject", "News", "html", "<p>Hello</p>", "listIds", List.of(list)));
        assertThat(made).hasStatus(201);
        String email = Json.read(made, "$.id");

        Map<String, Object> notReady = one(blockers(owner, campaign), "email.ready");
        assertThat(notReady).containsEntry("severity", "INFO").containsEntry("module", "email")
                .containsEntry("weight", 0).containsEntry("fixLink", "/email/campaigns/" + email);
        // what it waits for anyway (the launch) is not named; what someone must do is
        assertThat((String) notReady.get("reason")).isEqualTo("Not ready to send: Spring news (A test of the current "
                + "content, Postal address in the footer)");
        assertThat(about(notReady)).containsExactly(Map.of("type", "email", "id", email, "name", "Spring news",
                "link", "/email/campaigns/" + email));

        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Guidance Co", "fromAddress",
                "news@guidance.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/test-send", Map.of("to", owner.email())))
                .hasStatus(201);
        assertThat(blockers(owner, campaign)).noneMatch(b -> "email.ready".equals(b.get("key")));
        assertThat(one(readinessItems(owner, campaign), "email.ready")).containsEntry("done", true)
                .containsEntry("reason", "Its email can be scheduled");
    }
}
