package io.flightdeck.content.web;

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

/** The AI settings pages: add a provider with errors beside their fields, default, budget, usage; who may see them. */
@FlightdeckTest
class AiSettingsPagesTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    @Test
    void aRefusedProviderOrBudgetKeepsWhatWasTypedAndMarksEveryWrongField() {
        Member owner = workspaces.workspace("AI form errors");
        MockHttpSession session = web.signIn(owner);

        MvcTestResult refused = web.post(session, "/settings/ai/providers", "name", " ", "kind", "ANTHROPIC",
                "baseUrl", "localhost:11434", "model", " ", "apiKey", "", "azureApiVersion", "2024-10-21");
        assertThat(refused).hasStatusOk().bodyText().contains("The provider was not saved: 5 fields need a change")
                .contains("Name the provider").contains("Enter an http or https address")
                .contains("Name the model").contains("Only Azure OpenAI takes an api-version")
                .contains("Anthropic needs an API key").contains("value=\"localhost:11434\"")
                .contains("value=\"2024-10-21\"").contains("aria-describedby=\"baseUrl-error\"")
                .doesNotContain("must not be blank");
        assertThat(Json.body(api.as(owner).get("/api/v1/content/providers"))).isEqualTo("[]");

        MvcTestResult budget = web.post(session, "/settings/ai/budget", "monthlyTokenBudget", "a million");
        assertThat(budget).hasStatusOk().bodyText().contains("Enter a whole number of tokens")
                .contains("value=\"a million\"").contains("aria-describedby=\"monthlyTokenBudget-error\"");
        assertThat(web.post(session, "/settings/ai/budget", "monthlyTokenBudget", "-5")).hasStatusOk().bodyText()
                .contains("The budget must be 0 tokens or more").contains("value=\"-5\"");
        assertThat((Object) Json.read(api.as(owner).get("/api/v1/content/generation-budget"), "$.monthlyTokenBudget"))
                .isNull();
    }

    @Test
    void anAdminAddsAProviderSetsTheBudgetAndAManagerReadsUsage() {
        Member owner = workspaces.workspace("AI pages");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/settings/ai")).contains("Built-in generator (offline)").contains("Add provider");

        MvcTestResult bad = web.post(session, "/settings/ai/providers", "name", "Ollama", "kind", "OPENAI_COMPATIBLE",
                "baseUrl", "localhost:11434", "model", "llama3.2");
        assertThat(bad).hasStatusOk().bodyText().contains("an http or https address");
        assertThat(web.post(session, "/settings/ai/providers", "name", "Ollama", "kind", "OPENAI_COMPATIBLE",
                "baseUrl", "http://localhost:11434/v1", "model", "llama3.2")).hasStatus3xxRedirection();
        String id = Json.read(api.as(owner).get("/api/v1/content/providers"), "$[0].id");
        assertThat(web.post(session, "/settings/ai/default", "providerId", id)).hasStatus3xxRedirection();
        assertThat(web.post(session, "/settings/ai/budget", "monthlyTokenBudget", "1,000,000")).hasStatus3xxRedirection();
        String page = web.page(session, "/settings/ai");
        assertThat(page).contains("Ollama").contains("llama3.2").contains("0 of 1,000,000 tokens used this month");
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/content/providers"), "$[0].isDefault")).isTrue();

        Member manager = workspaces.addMember(owner, Role.MANAGER);
        MockHttpSession managers = web.signIn(manager);
        assertThat(web.page(managers, "/settings/ai")).contains("Ollama").doesNotContain("Add provider");
        assertThat(web.page(managers, "/settings/ai/usage")).contains("No AI calls this month");
        assertThat(web.post(managers, "/settings/ai/budget", "monthlyTokenBudget", "5")).hasStatus(403);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        assertThat(mvc.get().uri("/settings/ai").session(web.signIn(contributor)).exchange()).hasStatus(403);
    }
}
