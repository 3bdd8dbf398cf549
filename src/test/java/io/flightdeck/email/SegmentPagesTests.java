package io.flightdeck.email;

import java.util.Map;
import java.util.UUID;

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
 * The segment pages: the list with the built-ins marked and counted; the editor without JavaScript (adding and removing
 * a condition posts the form and returns it), with htmx (just the rows, a live count and a preview), a refused save that
 * keeps what was typed and marks the condition, a save, a built-in shown read-only; a viewer sees no editor.
 */
@FlightdeckTest
class SegmentPagesTests {

    private static final String ACTIVE = UUID.nameUUIDFromBytes("flightdeck-segment:active".getBytes()).toString();

    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aMemberBuildsASegmentWithALiveCount() throws Exception {
        Member owner = workspaces.workspace("Segment pages");
        api.as(owner).post("/api/v1/email/contacts", Map.of("email", "ana@example.com", "attributes",
                Map.of("plan", "pro"), "consent", Map.of("source", "MANUAL", "evidence", "Asked at the fair")));
        api.as(owner).post("/api/v1/email/contacts", Map.of("email", "bo@example.com",
                "consent", Map.of("source", "MANUAL", "evidence", "Asked at the fair")));
        MockHttpSession session = web.signIn(owner);

        assertThat(web.page(session, "/email/segments")).contains("Built-in", "High value", "Inactive", "New segment");
        assertThat(web.page(session, "/email/segments/new")).contains("Condition 1", "Who it selects now",
                "hx-post=\"/email/segments/preview\"");

        MvcTestResult added = web.post(session, "/email/segments", "name", "Pro", "match", "ALL", "field", "attribute",
                "operator", "equals", "key", "plan", "value", "pro", "action", "add");
        assertThat(added).hasStatusOk();
        assertThat(added.getResponse().getContentAsString()).contains("Condition 2", "value=\"Pro\"");
        MvcTestResult removed = web.post(session, "/email/segments", "name", "Pro", "field", "attribute", "field",
                "name", "operator", "equals", "operator", "contains", "key", "plan", "key", "", "value", "pro",
                "value", "", "action", "remove-1");
        assertThat(removed.getResponse().getContentAsString()).contains("Condition 1").doesNotContain("Condition 2");

        MvcTestResult rows = web.post(session, "/email/segments/rules", "field", "opened", "operator", "equals",
                "key", "", "value", "", "action", "add");
        assertThat(rows).hasStatusOk();
        assertThat(rows.getResponse().getHeader("HX-Trigger")).contains("segment-rules");
        assertThat(rows.getResponse().getContentAsString()).contains("in the last … days", "Condition 2")
                .doesNotContain("<html");

        MvcTestResult live = web.post(session, "/email/segments/preview", "field", "attribute", "operator", "equals",
                "key", "plan", "value", "PRO");
        assertThat(live.getResponse().getContentAsString()).contains("<strong>1</strong>", "ana@example.com")
                .doesNotContain("bo@example.com");
        MvcTestResult wrong = web.post(session, "/email/segments/preview", "field", "attribute", "operator",
                "greater_than", "key", "plan", "value", "lots");
        assertThat(wrong.getResponse().getContentAsString()).contains("Not a number");

        MvcTestResult refused = web.post(session, "/email/segments", "name", "Pro", "field", "attribute", "operator",
                "greater_than", "key", "plan", "value", "lots", "action", "save");
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentAsString()).contains("Not a number", "value=\"lots\"");
        MvcTestResult saved = web.post(session, "/email/segments", "name", "Pro", "match", "ALL", "field", "attribute",
                "operator", "equals", "key", "plan", "value", "pro", "action", "save");
        assertThat(saved).hasStatus3xxRedirection();
        String location = saved.getResponse().getRedirectedUrl();
        assertThat(web.page(session, location)).contains("value=\"Pro\"", "ana@example.com", "Remove segment");
        assertThat(web.page(session, "/email/segments")).contains("Pro");
        assertThat(web.post(session, location, "name", "Pro plan", "version", "0", "field", "attribute", "operator",
                "exists", "key", "plan", "value", "", "action", "save")).hasStatus3xxRedirection();
        MvcTestResult stale = web.post(session, location, "name", "Pro again", "version", "0", "action", "save");
        assertThat(stale).hasStatus(409);
        assertThat(stale.getResponse().getContentAsString()).contains("Someone changed this segment");
        assertThat(web.post(session, location + "/delete")).hasStatus3xxRedirection();
    }

    @Test
    void aBuiltInIsReadOnlyAndAViewerSeesNoEditor() throws Exception {
        Member owner = workspaces.workspace("Segment pages viewer");
        MockHttpSession ownerSession = web.signIn(owner);
        assertThat(web.page(ownerSession, "/email/segments/" + ACTIVE)).contains("Opened an email in the last … days 90",
                "any of these", "Start a segment from these rules").doesNotContain("Make segment", "Remove segment");
        assertThat(web.page(ownerSession, "/email/segments/new?from=" + ACTIVE)).contains("Condition 2");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession session = web.signIn(viewer);
        String mine = Json.read(api.as(owner).post("/api/v1/email/segments", Map.of("name", "Everyone",
                "rules", Map.of())), "$.id");
        assertThat(web.page(session, "/email/segments")).contains("Everyone").doesNotContain("New segment");
        assertThat(web.page(session, "/email/segments/" + mine)).contains("Every subscribed contact")
                .doesNotContain("Condition 1", "Remove segment");
        assertThat(web.post(session, "/email/segments", "name", "Mine", "action", "save")).hasStatus(403);
        assertThat(web.post(session, "/email/segments/" + mine + "/delete")).hasStatus(403);
    }
}
