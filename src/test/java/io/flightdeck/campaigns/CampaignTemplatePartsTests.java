package io.flightdeck.campaigns;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.assets.AssetSamples;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emails, posting plan and spaces parts through the API: campaign → template → campaign brings them as new work
 * with the dates moved (drafts, nothing sent, published or approved, no numbers); the assets linked or copied; a
 * space saved as a template in the same library; tenancy and roles.
 */
@FlightdeckTest
class CampaignTemplatePartsTests {

    private static final String ASSETS = "/api/v1/campaign-assets";

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    /** What a source campaign was made with. */
    private record Source(String campaign, String list, String email, String space, String asset) {
    }

    /** A campaign from 2027-03-01 with an email, a post on the 2nd and a Meta space holding an image. */
    private Source source(Member owner) {
        MvcTestResult created = api.as(owner).post("/api/v1/campaigns", """
                {"name":"Spring launch","type":"PRODUCT_LAUNCH","channels":["EMAIL","TWITTER"],
                 "startDate":"2027-03-01","endDate":"2027-03-31"}""");
        assertThat(created).hasStatus(201);
        String campaign = Json.read(created, "$.id");
        awaitTimeline(owner, campaign);

        assertThat(api.as(owner).put("/api/v1/email/settings", Map.of("fromName", "Roastery", "fromAddress",
                "news@roastery.example", "postalAddress", "1 Main St, Lisbon"))).hasStatusOk();
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Regulars")), "$.id");
        MvcTestResult email = api.as(owner).post("/api/v1/email/campaigns", Map.of("campaignId", campaign,
                "name", "Spring news", "subject", "Spring is here", "preheader", "New roasts",
                "html", "<p>Hello {{first_name | \"there\"}}, the spring roast is here.</p>", "listIds", List.of(list)));
        assertThat(email).as(Json.body(email)).hasStatus(201);

        String account = Json.read(api.as(owner).post("/api/v1/channels/sandbox",
                "{\"displayName\":\"Roastery on X\",\"channel\":\"TWITTER\",\"timeZone\":\"UTC\"}"), "$.id");
        MvcTestResult post = api.as(owner).post("/api/v1/social/schedule", Map.of("campaignId", campaign,
                "accountId", account, "text", "The spring roast is out", "at", "2027-03-02T10:30:00Z"));
        assertThat(post).as(Json.body(post)).hasStatus2xxSuccessful();

        MvcTestResult space = api.as(owner).post("/api/v1/campaign-spaces", """
                {"campaignId":"%s","name":"Spring – Meta","platform":"META","objective":"Conversions",
                 "budget":{"amount":1200.00,"currency":"EUR"},"tags":["spring"]}""".formatted(campaign));
        assertThat(space).hasStatus(201);
        String spaceId = Json.read(space, "$.id");
        MvcTestResult upload = api.as(owner).upload(ASSETS + "/campaign-spaces/" + spaceId + "/assets", "hero.png",
                AssetSamples.png(48, 120, 80), "title", "Hero");
        assertThat(upload).as(Json.body(upload)).hasStatus(201);
        return new Source(campaign, list, Json.read(email, "$.id"), spaceId, Json.read(upload, "$.asset.id"));
    }

    private void awaitTimeline(Member owner, String campaign) {
        // the planner lays out a new campaign's timeline on its own; wait for it rather than race it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.as(owner).get("/api/v1/campaigns/" + campaign + "/timeline")).hasStatusOk());
    }

    private String template(Member owner, String campaign) {
        MvcTestResult made = api.as(owner).post("/api/v1/templates", "{\"campaignId\":\"" + campaign
                + "\",\"name\":\"Spring launch\",\"category\":\"Launches\",\"parts\":[\"EMAILS\",\"CHANNELS\",\"SPACES\"]}");
        assertThat(made).as(Json.body(made)).hasStatus(201);
        return Json.read(made, "$.id");
    }

    private String start(Member owner, String template, String name, boolean copyAssets) {
        MvcTestResult started = api.as(owner).post("/api/v1/templates/" + template + "/campaigns",
                "{\"name\":\"" + name + "\",\"startDate\":\"2027-05-31\",\"copyAssets\":" + copyAssets + "}");
        assertThat(started).as(Json.body(started)).hasStatus(201);
        String id = Json.read(started, "$.id");
        awaitTimeline(owner, id);
        return id;
    }

    private Map<String, Object> onlySpace(Member owner, String campaign) {
        List<Map<String, Object>> spaces = Json.read(api.as(owner).get("/api/v1/campaign-spaces?campaignId=" + campaign),
                "$.items");
        assertThat(spaces).hasSize(1);
        return spaces.get(0);
    }

    private List<Map<String, Object>> assetsIn(Member owner, Object space) {
        return Json.read(api.as(owner).get(ASSETS + "/campaign-spaces/" + space + "/assets?size=50"), "$.items");
    }

    @Test
    void emailsPostsAndSpacesComeAsNewWorkWithTheDatesMoved() {
        Member owner = workspaces.workspace("Template parts");
        Source source = source(owner);
        String template = template(owner, source.campaign());
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/templates/" + template), "$.parts[*].part"))
                .containsExactly("EMAILS", "CHANNELS", "SPACES");

        String copy = start(owner, template, "Summer launch", false);

        List<Map<String, Object>> emails = Json.read(api.as(owner).get("/api/v1/email/campaigns?campaignId=" + copy),
                "$.items");
        assertThat(emails).singleElement().satisfies(e -> {
            assertThat(e.get("subject")).isEqualTo("Spring is here");
            assertThat(e.get("preheader")).isEqualTo("New roasts");
            assertThat((String) e.get("html")).contains("the spring roast is here");
            assertThat(e.get("listIds")).isEqualTo(List.of(source.list()));
            assertThat(e.get("status")).as("a draft, never sent").isEqualTo("DRAFT");
            assertThat(e.get("scheduledAt")).isNull();
            assertThat(e.get("startedAt")).isNull();
            assertThat(e.get("revision")).isEqualTo(1);
        });

        List<Map<String, Object>> posts = Json.read(api.as(owner).get("/api/v1/social/posts?campaignId=" + copy
                + "&from=2027-05-31T00:00:00Z&to=2027-06-30T00:00:00Z"), "$");
        assertThat(posts).singleElement().satisfies(p -> {
            assertThat(p.get("text")).isEqualTo("The spring roast is out");
            assertThat(p.get("scheduledAt")).as("moved with the start").isEqualTo("2027-06-01T10:30:00Z");
            assertThat(p.get("status")).isEqualTo("SCHEDULED");
            assertThat(p.get("externalId")).isNull();
            assertThat(p.get("publishedAt")).isNull();
        });

        Map<String, Object> was = onlySpace(owner, source.campaign());
        Map<String, Object> now = onlySpace(owner, copy);
        for (String field : List.of("name", "platform", "objective", "budget", "tags")) {
            assertThat(now.get(field)).as(field).isEqualTo(was.get(field));
        }
        assertThat(now.get("template")).isEqualTo(false);
        assertThat(now.get("externalCampaignId")).isNull();
        assertThat(assetsIn(owner, now.get("id"))).extracting(a -> a.get("id"))
                .as("linked: the same library asset").containsExactly(source.asset());
        assertThat((Integer) Json.read(api.as(owner).get(ASSETS + "/" + source.asset()), "$.reusedCount"))
                .as("the library records the reuse").isEqualTo(1);

        // the source is as it was: its email still a draft of its own, nothing moved
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + source.email()), "$.status"))
                .isEqualTo("DRAFT");
    }

    @Test
    void aScheduledEmailComesAsADraftWithItsSendTimeMovedAsAPlan() {
        Member owner = workspaces.workspace("Template parts send time");
        Source source = source(owner);
        MvcTestResult contact = api.as(owner).post("/api/v1/email/contacts", Map.of("email",
                TestWorkspaces.uniqueEmail("ana"), "name", "Ana Lima", "consent", Map.of("source", "FORM", "evidence",
                        "Signed up on the form")));
        assertThat(contact).hasStatus(201);
        assertThat(api.as(owner).post("/api/v1/email/lists/" + source.list() + "/members", Map.of("contactIds",
                List.of(Json.<String>read(contact, "$.id"))))).hasStatusOk();
        MvcTestResult initialized = api.as(owner).post("/api/v1/campaigns/" + source.campaign() + "/approvals/initialize");
        assertThat(initialized).as(Json.body(initialized)).hasStatusOk();
        MvcTestResult asked = api.as(owner).post("/api/v1/email/campaigns/" + source.email() + "/request-approval");
        assertThat(asked).as(Json.body(asked)).hasStatusOk();
        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + source.email() + "/test-send",
                Map.of("to", owner.email()))).hasStatus(201);
        // the send waits for the campaign's launch and the email's approval; the template takes its time alone
        MvcTestResult scheduled = api.as(owner).post("/api/v1/email/campaigns/" + source.email() + "/schedule",
                Map.of("at", "2027-03-03T09:30:00Z"));
        assertThat(scheduled).as(Json.body(scheduled)).hasStatusOk();

        String copy = start(owner, template(owner, source.campaign()), "Summer launch", false);
        List<Map<String, Object>> emails = Json.read(api.as(owner).get("/api/v1/email/campaigns?campaignId=" + copy),
                "$.items");
        assertThat(emails).singleElement().satisfies(e -> {
            assertThat(e.get("status")).isEqualTo("DRAFT");
            assertThat(e.get("scheduledAt")).isNull();
            assertThat(e.get("plannedSendAt")).as("moved with the start").isEqualTo("2027-06-02T09:30:00Z");
        });
    }

    @Test
    void copiedAssetsAreRecordsOfTheirOwnOverTheSameBytes() {
        Member owner = workspaces.workspace("Template parts copy");
        Source source = source(owner);
        String copy = start(owner, template(owner, source.campaign()), "Summer launch", true);

        List<Map<String, Object>> assets = assetsIn(owner, onlySpace(owner, copy).get("id"));
        assertThat(assets).singleElement().satisfies(a -> {
            assertThat(a.get("id")).isNotEqualTo(source.asset());
            assertThat(a.get("title")).isEqualTo("Hero");
        });
        Map<String, Object> original = Json.read(api.as(owner).get(ASSETS + "/" + source.asset()), "$");
        assertThat(((Map<?, ?>) assets.get(0).get("file")).get("sha256"))
                .isEqualTo(((Map<?, ?>) original.get("file")).get("sha256"));
        assertThat(original.get("reusedCount")).as("a copy is not a reuse").isEqualTo(0);
    }

    @Test
    void aSpaceSavedAsATemplateIsInTheLibraryAndStartsACampaign() {
        Member owner = workspaces.workspace("Space templates");
        Source source = source(owner);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post("/api/v1/campaign-spaces/" + source.space() + "/save-as-template", "{}"))
                .hasStatus(403);

        MvcTestResult saved = api.as(owner).post("/api/v1/campaign-spaces/" + source.space() + "/save-as-template",
                "{\"description\":\"Our Meta setup\"}");
        assertThat(saved).as(Json.body(saved)).hasStatus(201);
        String template = Json.read(saved, "$.templateId");
        assertThat((Boolean) Json.read(saved, "$.space.template")).isTrue();

        MvcTestResult listed = api.as(owner).get("/api/v1/templates?category=Spaces");
        assertThat((List<String>) Json.read(listed, "$.items[*].id")).containsExactly(template);
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/templates/" + template), "$.parts[*].part"))
                .containsExactly("SPACES");

        String copy = start(owner, template, "Autumn launch", false);
        assertThat(onlySpace(owner, copy).get("name")).isEqualTo("Spring – Meta");
        assertThat((List<?>) Json.read(api.as(owner).get("/api/v1/email/campaigns?campaignId=" + copy), "$.items"))
                .as("the space alone").isEmpty();
    }

    @Test
    void anotherWorkspacesTemplateIsNotFoundAndAViewerCannotStartOne() {
        Member owner = workspaces.workspace("Template parts tenancy");
        String template = template(owner, source(owner).campaign());
        Member stranger = workspaces.workspace("Template parts stranger");
        String body = "{\"name\":\"Theirs\",\"startDate\":\"2027-05-31\",\"copyAssets\":true}";
        assertThat(api.as(stranger).post("/api/v1/templates/" + template + "/campaigns", body)).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/templates/" + template)).hasStatus(404);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        assertThat(api.as(viewer).post("/api/v1/templates/" + template + "/campaigns", body)).hasStatus(403);
    }
}
