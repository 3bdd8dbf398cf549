package io.flightdeck.planning.web;

import java.util.List;

import io.flightdeck.planning.TeamRequests;
import io.flightdeck.shared.security.Role;
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

/** A refused team-member profile or time off keeps what was typed and marks every wrong field at once. */
@FlightdeckTest
@SuppressWarnings("unchecked")
class TeamFormsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;

    @Test
    void theProfileShowsEveryProblemAndWritesNothing() {
        Member owner = workspaces.workspace("Profile form errors");
        Member writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        MockHttpSession session = web.signIn(writer);
        String path = "/team/" + writer.userId();

        MvcTestResult refused = mvc.post().uri(path).session(session).with(csrf()).param("jobTitle", "Copy lead")
                .param("timeZone", "Mars/Olympus").param("capacityPct", "150").param("hours-MONDAY", "30")
                .param("hours-TUESDAY", "lots").param("skillName", "seo").param("skillLevel", "9").exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("Not saved: 5 fields need a change")
                .contains("Time zone &#39;Mars/Olympus&#39; is not a time zone")
                .contains("Capacity must be a whole number from 0 to 100").contains("must be between 0 and 24 hours")
                .contains("must be a number of hours, 0 to 24").contains("seo: the level must be from 1 to 5")
                .contains("value=\"Copy lead\"").contains("value=\"150\"").contains("value=\"lots\"")
                .contains("value=\"Mars/Olympus\"").contains("aria-describedby=\"capacity-hint capacityPct-error\"");

        MvcTestResult member = new TeamRequests(mvc).get(owner, TeamRequests.MEMBERS + writer.userId());
        assertThat((Boolean) Json.read(member, "$.customised")).isFalse();
        assertThat((Integer) Json.read(member, "$.capacityPct")).isEqualTo(100);
    }

    @Test
    void timeOffShowsEveryProblemAndAddsNothing() {
        Member owner = workspaces.workspace("Time off form errors");
        MockHttpSession session = web.signIn(owner);
        String path = "/team/" + owner.userId();

        MvcTestResult refused = mvc.post().uri(path + "/time-off").session(session).with(csrf())
                .param("startsOn", "next monday").param("endsOn", "2030-06-07").param("reason", "x".repeat(201))
                .exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("Not added: 2 fields need a change")
                .contains("First day must be a date such as 2030-06-03").contains("Reason must be at most 200 characters")
                .contains("value=\"next monday\"").contains("value=\"2030-06-07\"")
                .contains("aria-describedby=\"reason-error\"");

        MvcTestResult order = mvc.post().uri(path + "/time-off").session(session).with(csrf())
                .param("startsOn", "2030-06-07").param("endsOn", "2030-06-03").param("reason", "y".repeat(201))
                .exchange();
        assertThat(order).hasStatusOk().bodyText().contains("Last day must be on or after the first day off")
                .contains("Reason must be at most 200 characters").contains("value=\"2030-06-03\"");

        MvcTestResult api = new TeamRequests(mvc).get(owner, TeamRequests.MEMBERS + owner.userId() + "/time-off");
        assertThat((List<?>) Json.read(api, "$")).isEmpty();
    }
}
