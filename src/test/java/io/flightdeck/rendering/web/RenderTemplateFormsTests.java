package io.flightdeck.rendering.web;

import java.util.List;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** A refused new layout template stays on the list with the key as typed and every problem beside its field. */
@FlightdeckTest
class RenderTemplateFormsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    ApiClient api;

    @Test
    void aNewTemplateShowsTheKeyAndTheSourceTogetherAndCreatesNothing() {
        Member owner = workspaces.workspace("Render template form errors");
        MockHttpSession session = web.signIn(owner);

        MvcTestResult refused = mvc.post().uri("/settings/render-templates").session(session).with(csrf())
                .param("key", "Summer promo!").param("copyOf", "no-such-template").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("The template was not created: 2 fields need a change")
                .contains("Key must be 3 to 60 lower-case letters, digits and dashes")
                .contains("Start from must be one of the templates listed").contains("value=\"Summer promo!\"")
                .contains("aria-describedby=\"new-key-hint new-key-error\"");
        MvcTestResult taken = mvc.post().uri("/settings/render-templates").session(session).with(csrf())
                .param("key", "bold-headline").param("copyOf", "split-panel").exchange();
        assertThat(taken).hasStatusOk().bodyText().contains("Key is taken by another template")
                .contains("value=\"bold-headline\"").contains("<option value=\"split-panel\" selected=\"selected\"");

        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/render-templates"), "$[*].key"))
                .containsExactly("bold-headline", "photo-caption", "split-panel");
    }
}
