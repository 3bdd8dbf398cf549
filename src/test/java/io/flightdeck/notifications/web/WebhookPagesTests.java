package io.flightdeck.notifications.web;

import java.time.Duration;
import java.util.Map;

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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook pages: an empty list, a refused form that keeps what was typed and says why per field, an endpoint added
 * with its secret shown once, a test in its log, a replay, switching off and on, rotating, removing; admins only.
 */
@FlightdeckTest
class WebhookPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void anAdminAddsAnEndpointSeesItsSecretOnceTestsItAndReadsItsLog() throws Exception {
        Member owner = workspaces.workspace("Webhook pages");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/settings/webhooks")).contains("No endpoints yet").contains("post.published");

        MvcTestResult refused = web.post(session, "/settings/webhooks", "url", "ftp://example.com/x",
                "description", "Warehouse");
        assertThat(refused).hasStatus(400);
        String page = refused.getResponse().getContentAsString();
        assertThat(page).contains("ftp://example.com/x").contains("Choose at least one event type");
        assertThat(web.post(session, "/settings/webhooks", "url", "ftp://example.com/x", "eventTypes", "*").getResponse()
                .getContentAsString()).contains("starting with https://");

        MvcTestResult added = web.post(session, "/settings/webhooks", "url", "http://127.0.0.1:9/hooks",
                "description", "Warehouse", "eventTypes", "post.published", "eventTypes", "task.assigned");
        assertThat(added).hasStatus3xxRedirection();
        String location = added.getResponse().getRedirectedUrl();
        Object secret = added.getMvcResult().getFlashMap().get("webhookSecret");
        assertThat((String) secret).startsWith("whsec_");
        String shown = mvc.get().uri(location).session(session).flashAttr("webhookSecret", secret).exchange()
                .getResponse().getContentAsString();
        assertThat(shown).contains((String) secret).contains("shown this once").contains("Nothing sent yet");
        assertThat(web.page(session, location)).as("shown once").doesNotContain((String) secret);

        assertThat(web.post(session, location + "/test")).hasStatus3xxRedirection();
        await().atMost(Duration.ofSeconds(20)).until(() -> web.page(session, location).contains("Connection refused")
                || web.page(session, location).contains("Failed"));
        String log = web.page(session, location);
        assertThat(log).contains("webhook.test").contains("Next try");

        assertThat(web.post(session, location + "/enable", "on", "false")).hasStatus3xxRedirection();
        assertThat(web.page(session, location)).contains("Switched off by").contains("Switch on");
        assertThat(web.post(session, location + "/enable", "on", "true")).hasStatus3xxRedirection();
        assertThat(web.post(session, location + "/rotate-secret").getMvcResult().getFlashMap().get("webhookSecret"))
                .isNotEqualTo(secret);
        assertThat(web.page(session, location)).contains("two signatures");
        assertThat(web.post(session, location, "url", "http://127.0.0.1:9/v2", "eventTypes", "*")).hasStatus3xxRedirection();
        assertThat(web.page(session, location)).contains("http://127.0.0.1:9/v2");
        assertThat(web.page(session, "/settings/webhooks")).contains("Every event");

        assertThat(web.post(session, location + "/delete")).hasStatus3xxRedirection();
        assertThat(web.page(session, "/settings/webhooks")).contains("No endpoints yet");
    }

    @Test
    void aContributorIsRefusedAndAnotherWorkspaceFindsNothing() {
        Member owner = workspaces.workspace("Webhook pages 2");
        String id = Json.read(api.as(owner).post("/api/v1/webhook-endpoints",
                Map.of("url", "https://example.com/h", "eventTypes", java.util.List.of("*"))), "$.endpoint.id");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(mvc.get().uri("/settings/webhooks").session(web.signIn(ann)).exchange()).hasStatus(403);
        Member outsider = workspaces.workspace("Webhook outsider");
        assertThat(mvc.get().uri("/settings/webhooks/" + id).session(web.signIn(outsider)).exchange()).hasStatus(404);
    }
}
