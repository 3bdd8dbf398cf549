package io.flightdeck.assets.web;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.flightdeck.approvals.ApprovalRequests;
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

/** A refused campaign space keeps what was typed and marks every problem the rules found, not only the first. */
@FlightdeckTest
class SpaceFormsTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    WebSessions web;

    @Test
    void aRefusedSpaceMarksEveryProblemAtOnceAndWritesNothing() {
        Member owner = workspaces.withoutApprovals("Space forms");
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Spaces");
        MockHttpSession session = web.signIn(owner);
        String tooMany = IntStream.rangeClosed(1, 21).mapToObj(i -> "tag" + i).collect(Collectors.joining(", "));

        MvcTestResult refused = mvc.post().uri("/campaigns/" + campaign + "/spaces").session(session).with(csrf())
                .param("name", "Festival on Meta").param("platform", "META").param("budgetAmount", "-5")
                .param("budgetCurrency", "EUR").param("tags", tooMany).exchange();

        assertThat(refused).hasStatusOk().bodyText().contains("must not be negative").contains("at most 20 tags")
                .contains("value=\"Festival on Meta\"").contains("tag21");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/campaign-spaces?campaignId=" + campaign), "$.total"))
                .isZero();
    }
}
