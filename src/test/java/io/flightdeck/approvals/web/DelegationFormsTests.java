package io.flightdeck.approvals.web;

import java.time.LocalDate;
import java.util.List;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** A refused delegation keeps what was typed and marks every wrong field at once, in plain words. */
@FlightdeckTest
class DelegationFormsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    WebSessions web;
    @Autowired
    ApiClient api;

    @Test
    void everyProblemIsShownAndNothingIsDelegated() {
        Member owner = workspaces.workspace("Delegation form errors");
        Member away = workspaces.addMember(owner, Role.APPROVER);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession session = web.signIn(away);
        String from = LocalDate.now().plusDays(5).toString();
        String until = LocalDate.now().plusDays(2).toString();

        MvcTestResult refused = mvc.post().uri("/approvals/delegations").session(session).with(csrf())
                .param("delegateId", viewer.userId().toString()).param("from", from).param("until", until)
                .param("note", "n".repeat(501)).exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("No delegation made: 3 fields need a change")
                .contains("Stand-in must not be a viewer: viewers cannot approve on your behalf").contains("Until must be after the start")
                .contains("Note must be at most 500 characters").contains("value=\"" + from + "\"")
                .contains("value=\"" + until + "\"").contains("n".repeat(501))
                .contains("aria-describedby=\"until-error\"");

        MvcTestResult mine = api.as(away).get("/api/v1/approval-delegations");
        assertThat((List<?>) Json.read(mine, "$")).isEmpty();
    }
}
