package io.flightdeck.campaigns.web;

import io.flightdeck.shared.security.Role;
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

/**
 * The templates pages through MockMvc: the empty library, "Save as template" with its choices, the library and the
 * template page, the wizard with its dates and refusals, clone, the bin with its undo, and what a viewer sees.
 */
@FlightdeckTest
class CampaignTemplatePagesTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    ApiClient api;

    private String campaign(Member owner) {
        return Json.read(api.as(owner).post("/api/v1/campaigns", """
                {"name":"Pages launch","description":"Autumn range","type":"PRODUCT_LAUNCH","channels":["EMAIL"],
                 "startDate":"2027-03-01","endDate":"2027-03-31"}"""), "$.id");
    }

    @Test
    void aCampaignSavedAsATemplateStartsTheNextOneThroughTheWizard() {
        Member owner = workspaces.workspace("Template pages");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/templates")).contains("No templates yet").contains("Save as template");
        String campaign = campaign(owner);

        assertThat(web.page(session, "/campaigns/" + campaign)).contains("Save as template").contains("Clone");
        assertThat(web.page(session, "/campaigns/" + campaign + "/save-as-template")).contains("What it carries")
                .contains("Timeline and tasks").contains("value=\"Pages launch\"");
        MvcTestResult blank = web.post(session, "/campaigns/" + campaign + "/save-as-template", "name", " ",
                "parts", "BRIEF");
        assertThat(blank).hasStatusOk().bodyText().contains("a template needs a name");
        MvcTestResult saved = web.post(session, "/campaigns/" + campaign + "/save-as-template", "name", "Autumn launch",
                "category", "Launches", "visibility", "WORKSPACE", "parts", "BRIEF", "parts", "TASKS");
        assertThat(saved).hasStatus3xxRedirection();
        String template = saved.getResponse().getRedirectedUrl().substring("/templates/".length());

        assertThat(web.page(session, "/templates")).contains("Autumn launch").contains("Launches (1)")
                .contains("aria-label=\"Use Autumn launch\"");
        assertThat(web.page(session, "/templates/" + template)).contains("What it carries").contains("30 days")
                .contains("Start a campaign");
        assertThat(web.page(session, "/templates/" + template + "/use")).contains("1. Template")
                .contains("2. Name and start").contains("3. What to bring");
        assertThat(web.fragment(session, "/templates/" + template + "/use/dates?startDate=2027-06-07"))
                .contains("Monday 7 June 2027").contains("Wednesday 7 July 2027");

        MvcTestResult noDate = web.post(session, "/templates/" + template + "/use", "name", "Winter launch",
                "parts", "BRIEF");
        assertThat(noDate).hasStatusOk().bodyText().contains("needs a start date").contains("value=\"Winter launch\"");
        MvcTestResult started = web.post(session, "/templates/" + template + "/use", "name", "Winter launch",
                "startDate", "2027-06-07", "parts", "BRIEF", "parts", "TASKS");
        assertThat(started).hasStatus3xxRedirection();
        String created = started.getResponse().getRedirectedUrl().substring("/campaigns/".length());
        assertThat((String) Json.read(api.as(owner).get("/api/v1/campaigns/" + created), "$.endDate")).isEqualTo("2027-07-07");

        MvcTestResult cloned = web.post(session, "/campaigns/" + campaign + "/clone", "name", "Pages launch again",
                "startDate", "2027-09-06", "parts", "BRIEF", "copyAssets", "true");
        assertThat(cloned).hasStatus3xxRedirection();
        assertThat(web.page(session, "/campaigns/" + campaign + "/clone")).contains("Copy of Pages launch")
                .contains("Approvals and assets");

        MvcTestResult deleted = web.post(session, "/templates/" + template + "/delete");
        assertThat(deleted).hasStatus3xxRedirection();
        assertThat(web.page(session, "/templates")).contains("No templates yet").contains("Undo delete")
                .doesNotContain("aria-label=\"Use Autumn launch\"");
        assertThat(web.post(session, "/templates/" + template + "/restore")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/templates")).contains("Autumn launch");
    }

    @Test
    void aViewerBrowsesTheLibraryButCannotUseOrSaveTemplates() {
        Member owner = workspaces.workspace("Template viewer");
        String campaign = campaign(owner);
        String template = Json.read(api.as(owner).post("/api/v1/templates",
                "{\"campaignId\":\"" + campaign + "\",\"name\":\"Shared launch\"}"), "$.id");
        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));

        assertThat(web.page(viewer, "/templates")).contains("Shared launch").doesNotContain("aria-label=\"Use Shared launch\"");
        assertThat(web.page(viewer, "/templates/" + template)).contains("What it carries")
                .doesNotContain("Start a campaign").doesNotContain("Name and sharing");
        assertThat(web.post(viewer, "/templates/" + template + "/use", "name", "x", "startDate", "2027-06-07"))
                .hasStatus(403);
        assertThat(web.post(viewer, "/campaigns/" + campaign + "/save-as-template", "name", "x")).hasStatus(403);
    }
}
