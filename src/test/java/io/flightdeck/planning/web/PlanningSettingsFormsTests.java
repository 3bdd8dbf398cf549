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

/** Refused planning settings keep what was typed and mark every wrong field at once, unreadable or out of range. */
@FlightdeckTest
class PlanningSettingsFormsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    @Test
    void everyProblemIsShownAndNothingIsWritten() {
        PlanningRequests api = new PlanningRequests(mvc);
        Member owner = api.workspace(workspaces, "Planning settings errors");
        MockHttpSession session = web.signIn(owner);

        MvcTestResult refused = mvc.post().uri("/settings/planning").session(session).with(csrf())
                .param("bufferUrgent", "150").param("bufferHigh", "10").param("bufferMedium", "lots")
                .param("bufferLow", "-2").param("holidays", "2031-12-25\nXmas").exchange();
        assertThat(refused).hasStatusOk().bodyText()
                .contains("The settings were not saved: 4 fields need a change")
                .contains("Urgent must be between 0 and 100 percent").contains("Medium must be a whole number from 0 to 100")
                .contains("Low must be between 0 and 100 percent")
                .contains("Holidays: &#39;Xmas&#39; is not a date such as 2026-12-25")
                .contains("value=\"150\"").contains("value=\"lots\"").contains("value=\"-2\"").contains("Xmas")
                .contains("aria-describedby=\"bufferLow-error\"");

        MvcTestResult settings = api.get(owner, PlanningRequests.SETTINGS);
        assertThat((Integer) Json.read(settings, "$.bufferLow")).isNotEqualTo(-2);
        assertThat((java.util.List<?>) Json.read(settings, "$.holidays")).isEmpty();
    }
}
