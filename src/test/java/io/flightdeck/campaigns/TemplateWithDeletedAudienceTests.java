package io.flightdeck.campaigns;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.web.Flash;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A template whose email list or segment was deleted since it was made still starts a campaign: the email comes as a
 * draft without that audience (its readiness asks for one), and the start says which one is gone, through the API
 * (notes) and on the page (a message that stays until dismissed).
 */
@FlightdeckTest
class TemplateWithDeletedAudienceTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    /** A template of a campaign with one email sent to the list "Regulars" and the segment "Pro customers". */
    private record Made(String template, String list, String segment) {
    }

    private Made template(Member owner) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaigns", """
                {"name":"Spring launch","type":"PRODUCT_LAUNCH","channels":["EMAIL"],
                 "startDate":"2027-03-01","endDate":"2027-03-31"}""");
        assertThat(created).hasStatus(201);
        String campaign = Json.read(created, "$.id");
        awaitTimeline(owner, campaign);
        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Roastery", "fromAddress",
                "news@roastery.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Regulars")), "$.id");
        MvcTestResult segment = api.as(owner).post("/api/v1/email/segments", Map.of("name", "Pro customers",
                "rules", Map.of("match", "ALL", "conditions", List.of(Map.of("field", "attribute", "key", "plan",
                        "operator", "equals", "value", "pro")))));
        assertThat(segment).as(Json.body(segment)).hasStatus(201);
        MvcTestResult email = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "Spring news", "subject", "Spring is here", "html", "<p>The spring roast is here.</p>",
                "listIds", List.of(list), "segmentId", Json.read(segment, "$.id")));
        assertThat(email).as(Json.body(email)).hasStatus(201);
        MvcTestResult made = api.as(owner).post("/api/v1/templates", "{\"campaignId\":\"" + campaign
                + "\",\"name\":\"Spring launch\",\"parts\":[\"EMAILS\"]}");
        assertThat(made).as(Json.body(made)).hasStatus(201);
        return new Made(Json.read(made, "$.id"), list, Json.read(segment, "$.id"));
    }

    private void awaitTimeline(Member owner, String campaign) {
        // the planner lays out a new campaign's timeline on its own; wait for it rather than race it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.as(owner).get("/api/v1/campaigns/" + campaign + "/timeline")).hasStatusOk());
    }

    @Test
    void theEmailComesWithoutTheDeletedListAndSegmentAndTheStartSaysSo() {
        Member owner = workspaces.workspace("Template gone audience");
        Made made = template(owner);
        assertThat(api.as(owner).delete("/api/v1/email/lists/" + made.list())).hasStatus(204);
        assertThat(api.as(owner).delete("/api/v1/email/segments/" + made.segment())).hasStatus(204);

        MvcTestResult started = api.as(owner).post("/api/v1/templates/" + made.template() + "/campaigns",
                "{\"name\":\"Summer launch\",\"startDate\":\"2027-05-31\"}");
        assertThat(started).as(Json.body(started)).hasStatus(201);
        assertThat((String) Json.read(started, "$.name")).as("the campaign's own fields").isEqualTo("Summer launch");
        assertThat((List<String>) Json.read(started, "$.notes")).containsExactly(
                "The list \"Regulars\" no longer exists: choose an audience for the email \"Spring news\".",
                "The segment \"Pro customers\" no longer exists: choose an audience for the email \"Spring news\".");
        String campaign = Json.read(started, "$.id");
        awaitTimeline(owner, campaign);

        List<Map<String, Object>> emails = Json.read(api.as(owner).get("/api/v1/email/campaigns?campaignId="
                + campaign), "$.items");
        assertThat(emails).singleElement().satisfies(e -> {
            assertThat(e.get("status")).isEqualTo("DRAFT");
            assertThat(e.get("listIds")).isEqualTo(List.of());
            assertThat(e.get("segmentId")).isNull();
        });
        List<Map<String, Object>> items = Json.read(api.as(owner).get("/api/v1/email/campaigns/"
                + emails.get(0).get("id") + "/readiness"), "$.items");
        assertThat(items).filteredOn(item -> "audience".equals(item.get("key"))).singleElement()
                .satisfies(item -> assertThat(item.toString()).contains("Choose a list or a segment"));
    }

    @Test
    void aTemplateWhoseAudienceIsThereSaysNothingMore() {
        Member owner = workspaces.workspace("Template audience kept");
        Made made = template(owner);
        MvcTestResult started = api.as(owner).post("/api/v1/templates/" + made.template() + "/campaigns",
                "{\"name\":\"Summer launch\",\"startDate\":\"2027-05-31\"}");
        assertThat(started).as(Json.body(started)).hasStatus(201);
        assertThat((List<String>) Json.read(started, "$.notes")).isEmpty();
        awaitTimeline(owner, Json.read(started, "$.id"));
    }

    @Test
    void thePageTellsWhichListIsGone() {
        Member owner = workspaces.workspace("Template gone list page");
        Made made = template(owner);
        assertThat(api.as(owner).delete("/api/v1/email/lists/" + made.list())).hasStatus(204);
        MockHttpSession session = web.signIn(owner);

        MvcTestResult started = web.post(session, "/templates/" + made.template() + "/use", "name", "Autumn launch",
                "startDate", "2027-09-06", "parts", "EMAILS");
        assertThat(started).hasStatus3xxRedirection();
        Flash flash = (Flash) started.getMvcResult().getFlashMap().get(Flash.KEY);
        assertThat(flash.kind()).as("stays until dismissed").isEqualTo("notice");
        assertThat(flash.message()).isEqualTo("\"Autumn launch\" started from the template. The list \"Regulars\" "
                + "no longer exists: choose an audience for the email \"Spring news\".");
        awaitTimeline(owner, started.getResponse().getRedirectedUrl().substring("/campaigns/".length()));
    }
}
