package io.flightdeck.planning.web;

import io.flightdeck.planning.PlanningRequests;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** A refused timeline template (new or edited) keeps what was typed and marks every wrong field at once. */
@FlightdeckTest
class TemplateFormsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    @Test
    void theEditorShowsEveryProblemAndWritesNothing() {
        PlanningRequests api = new PlanningRequests(mvc);
        Member owner = api.workspace(workspaces, "Template form errors");
        MockHttpSession session = web.signIn(owner);
        MvcTestResult created = mvc.post().uri("/planning/templates").session(session).with(csrf())
                .param("name", "Webinar").param("campaignType", "LEAD_GENERATION").exchange();
        String editor = created.getResponse().getRedirectedUrl();
        String id = editor.substring(editor.lastIndexOf('/') + 1);

        MvcTestResult refused = mvc.post().uri(editor).session(session).with(csrf()).param("name", " ")
                .param("campaignType", "LEAD_GENERATION").param("description", "Typed with care")
                .param("items[0].key", "slides").param("items[0].title", "Slides").param("items[0].kind", "TASK")
                .param("items[0].durationDays", "three").param("items[0].estimateHours", "5000")
                .param("items[0].dependsOn", "ghost").param("items[0].milestone", "launch")
                .param("items[1].key", "launch").param("items[1].title", "").param("items[1].kind", "MILESTONE")
                .param("items[1].durationDays", "0").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("The template was not saved: 5 fields need a change")
                .contains("Name must be 1 to 120 characters").contains("Row 1, days: must be a whole number of working days")
                .contains("Row 1, hours: must be between 0 and 1000 hours")
                .contains("Row 1, depends on: no item has the key &#39;ghost&#39;")
                .contains("Row 2, title: must be 1 to 200 characters").contains("value=\"three\"")
                .contains("value=\"5000\"").contains("value=\"ghost\"").contains("Typed with care")
                .contains("aria-describedby=\"item-0-durationDays-error\"");

        MvcTestResult stored = api.get(owner, PlanningRequests.TEMPLATES + "/" + id);
        assertThat((String) Json.read(stored, "$.name")).isEqualTo("Webinar");
        assertThat((String) Json.read(stored, "$.items[0].key")).isEqualTo("launch");
    }

    @Test
    void aNewTemplateShowsTheNameAndTheTypeTogether() {
        PlanningRequests api = new PlanningRequests(mvc);
        Member owner = api.workspace(workspaces, "New template errors");
        MockHttpSession session = web.signIn(owner);
        int before = Json.<java.util.List<?>>read(api.get(owner, PlanningRequests.TEMPLATES), "$").size();

        MvcTestResult refused = mvc.post().uri("/planning/templates").session(session).with(csrf())
                .param("name", "x".repeat(121)).exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("The template was not created: 2 fields need a change")
                .contains("Name must be 1 to 120 characters").contains("Campaign type must be one of the campaign types")
                .contains("value=\"" + "x".repeat(121) + "\"").contains("aria-describedby=\"new-type-error\"");
        assertThat(Json.<java.util.List<?>>read(api.get(owner, PlanningRequests.TEMPLATES), "$")).hasSize(before);
    }
}
