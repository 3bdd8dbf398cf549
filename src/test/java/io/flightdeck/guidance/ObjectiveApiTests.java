package io.flightdeck.guidance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET/PUT /api/v1/orchestrator/campaigns/{id}/objective}: a manager sets a campaign's measurable objective and
 * sets it again; any member reads it; a viewer and a contributor cannot set it; a wrong objective is refused with each
 * problem named and nothing written; another workspace's campaign is not found.
 */
@FlightdeckTest
class ObjectiveApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;

    private static String path(String campaign) {
        return "/api/v1/orchestrator/campaigns/" + campaign + "/objective";
    }

    private static Map<String, Object> objective(String metric, Object target, String currency) {
        Map<String, Object> body = new HashMap<>();
        body.put("metric", metric);
        body.put("target", target);
        body.put("currency", currency);
        return body;
    }

    @Test
    void aManagerSetsItAndEveryMemberReadsIt() {
        Member owner = workspaces.workspace("Objective set");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String campaign = campaigns.create(owner, "Autumn roast");

        MvcTestResult none = api.as(viewer).get(path(campaign));
        assertThat(none).hasStatusOk();
        assertThat((Object) Json.read(none, "$.objective")).isNull();

        MvcTestResult set = api.as(manager).put(path(campaign), objective("CLICK_RATE", 2.50, null));
        assertThat(set).hasStatusOk();
        assertThat((String) Json.read(set, "$.objective.target.metric")).isEqualTo("CLICK_RATE");
        assertThat(((Number) Json.read(set, "$.objective.target.value")).doubleValue()).isEqualTo(2.5);
        assertThat((String) Json.read(set, "$.objective.setBy")).isEqualTo(manager.userId().toString());

        MvcTestResult again = api.as(owner).put(path(campaign), objective("REVENUE", 12000, "EUR"));
        assertThat(again).hasStatusOk();
        MvcTestResult read = api.as(viewer).get(path(campaign));
        assertThat((String) Json.read(read, "$.objective.target.metric")).isEqualTo("REVENUE");
        assertThat(((Number) Json.read(read, "$.objective.target.value")).doubleValue()).isEqualTo(12000.0);
        assertThat((String) Json.read(read, "$.objective.target.currency")).isEqualTo("EUR");
        assertThat((String) Json.read(read, "$.objective.setBy")).isEqualTo(owner.userId().toString());
    }

    @Test
    void aViewerAndAContributorCannotSetIt() {
        Member owner = workspaces.workspace("Objective roles");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = campaigns.create(owner, "Winter blend");

        assertThat(api.as(viewer).put(path(campaign), objective("CLICKS", 500, null))).hasStatus(403);
        assertThat(api.as(contributor).put(path(campaign), objective("CLICKS", 500, null))).hasStatus(403);
        assertThat((Object) Json.read(api.as(owner).get(path(campaign)), "$.objective")).isNull();
    }

    @Test
    void aWrongObjectiveIsRefusedWithEachProblemAndNothingIsWritten() {
        Member owner = workspaces.workspace("Objective refused");
        String campaign = campaigns.create(owner, "Spring launch");
        Map<Map<String, Object>, List<String>> wrong = Map.of(
                objective(null, 2, null), List.of("metric"),
                objective("LIKES", 2, null), List.of("metric"),
                objective("CLICKS", null, null), List.of("target"),
                objective("CLICKS", -5, null), List.of("target"),
                objective("CLICK_RATE", 140, null), List.of("target"),
                objective("REVENUE", 1000, null), List.of("currency"),
                objective("CONVERSIONS", 10, "EUR"), List.of("currency"),
                objective("RETURN_ON_SPEND", 0, "euro"), List.of("target", "currency"));
        wrong.forEach((body, fields) -> {
            MvcTestResult refused = api.as(owner).put(path(campaign), body);
            assertThat(refused).as("%s", body).hasStatus(400);
            assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat((List<String>) Json.read(refused, "$.errors[*].field")).as("%s", body)
                    .containsExactlyElementsOf(fields);
        });
        assertThat((Object) Json.read(api.as(owner).get(path(campaign)), "$.objective")).isNull();
    }

    @Test
    void anotherWorkspacesCampaignIsNotFound() {
        Member owner = workspaces.workspace("Objective tenancy");
        Member stranger = workspaces.workspace("Objective stranger");
        String theirs = campaigns.create(stranger, "Theirs");
        assertThat(api.as(stranger).put(path(theirs), objective("CLICKS", 100, null))).hasStatusOk();

        assertThat(api.as(owner).get(path(theirs))).hasStatus(404);
        assertThat(api.as(owner).put(path(theirs), objective("CLICKS", 1, null))).hasStatus(404);
        assertThat(((Number) Json.read(api.as(stranger).get(path(theirs)), "$.objective.target.value")).doubleValue())
                .isEqualTo(100.0);
    }
}
