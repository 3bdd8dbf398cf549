package io.flightdeck.approvals.web;

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

/** A refused approval-settings form keeps what was typed and marks every wrong field at once, in plain words. */
@FlightdeckTest
class ApprovalSettingsFormsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    @Test
    void theScopeEditorMarksTheNameAndEveryWrongStageAtOnce() {
        Member owner = workspaces.workspace("Scope form errors");
        MockHttpSession session = web.signIn(owner);

        MvcTestResult refused = web.post(session, "/settings/approvals/scopes/content", "name", " ", "enabled", "true",
                "_enabled", "on", "_followsStrategy", "on",
                "stages[0].existing", "true", "stages[0].name", "Review", "stages[0].approverRole", "APPROVER",
                "stages[0].requiredApprovals", "0", "stages[1].existing", "false", "stages[2].existing", "false",
                "stages[2].name", "Legal check", "stages[2].approverRole", "", "stages[2].requiredApprovals", "1");
        assertThat(refused).hasStatusOk().bodyText().contains("Not saved: 3 fields need a change")
                .contains("Name must be 1 to 80 characters").contains("must be between 1 and 20")
                .contains("name a role or at least one member who approves")
                .contains("aria-describedby=\"stage-2-role-error\"").contains("id=\"stage-0-required-error\"")
                .contains("name=\"stages[0].requiredApprovals\" value=\"0\"").contains("value=\"Legal check\"");

        List<String> names = Json.read(api.as(owner).get("/api/v1/approval-scopes/content"), "$.stages[*].name");
        assertThat(names).containsExactly("Review");
        assertThat((String) Json.read(api.as(owner).get("/api/v1/approval-scopes/content"), "$.name")).isEqualTo("Content");
    }

    @Test
    void aNewScopeShowsTheKeyAndTheNameTogether() {
        Member owner = workspaces.workspace("New scope errors");
        MockHttpSession session = web.signIn(owner);

        MvcTestResult refused = web.post(session, "/settings/approvals/scopes", "name", "  ", "key", "Legal!");
        assertThat(refused).hasStatusOk().bodyText().contains("The scope was not added: 2 fields need a change")
                .contains("Name must be 1 to 80 characters").contains("Key must be 2 to 40 lower-case letters")
                .contains("value=\"Legal!\"").contains("aria-describedby=\"new-scope-key-hint new-scope-key-error\"");
        assertThat((List<String>) Json.read(api.as(owner).get("/api/v1/approval-scopes"), "$[*].key"))
                .doesNotContain("Legal!");
    }

    @Test
    void theDeadlinesShowEveryWrongHourAndKeepTheTypedValues() {
        Member owner = workspaces.workspace("Deadline form errors");
        MockHttpSession session = web.signIn(owner);

        MvcTestResult refused = web.post(session, "/settings/approvals/deadlines", "urgentHours", "0", "highHours", "12",
                "normalHours", "48", "lowHours", "3000");
        assertThat(refused).hasStatusOk().bodyText().contains("Not saved: 2 fields need a change")
                .contains("Urgent must be between 1 and 2160 hours").contains("Low must be between 1 and 2160 hours")
                .contains("value=\"3000\"").contains("value=\"48\"").contains("aria-describedby=\"lowHours-error\"");
        MvcTestResult unreadable = web.post(session, "/settings/approvals/deadlines", "urgentHours", "0", "highHours", "12",
                "normalHours", "48", "lowHours", "a week");
        assertThat(unreadable).hasStatusOk().bodyText().contains("Low must be a whole number")
                .contains("Urgent must be between 1 and 2160 hours").contains("value=\"a week\"");

        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/approval-settings"), "$.normalHours")).isEqualTo(72);
    }

    @Test
    void aRefusedRuleShowsEveryProblemAndKeepsWhatWasTyped() {
        Member owner = workspaces.workspace("Rule form errors");
        MockHttpSession session = web.signIn(owner);

        MvcTestResult refused = web.post(session, "/settings/approvals/rules", "name", " ", "maxWords", "many",
                "afterMinutes", "-5", "campaignPriorities", "LOW");
        assertThat(refused).hasStatusOk().bodyText().contains("The rule was not added: 3 fields need a change")
                .contains("Name must be 1 to 120 characters").contains("Word limit must be a whole number")
                .contains("Wait must be between 0 and 43200 (30 days)").contains("value=\"many\"")
                .contains("value=\"-5\"").contains("aria-describedby=\"rule-words-error\"")
                .doesNotContain("at least one condition");
        MvcTestResult noCondition = web.post(session, "/settings/approvals/rules", "name", "Anything", "afterMinutes", "x");
        assertThat(noCondition).hasStatusOk().bodyText().contains("2 fields need a change")
                .contains("a rule needs at least one condition").contains("Wait must be a whole number")
                .contains("value=\"Anything\"");

        assertThat((List<?>) Json.read(api.as(owner).get("/api/v1/approval-rules"), "$")).isEmpty();
    }
}
