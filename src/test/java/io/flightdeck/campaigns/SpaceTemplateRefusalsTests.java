package io.flightdeck.campaigns;

import java.util.List;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/campaign-spaces/{id}/save-as-template} refused: another workspace's space is not found, a name
 * past 160 characters is a problem naming the field, a viewer may not; none of them makes a template.
 */
@FlightdeckTest
class SpaceTemplateRefusalsTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;

    private String space(Member owner) {
        MvcTestResult campaign = api.as(owner).post("/api/v1/campaigns", """
                {"name":"Space launch","type":"PRODUCT_LAUNCH","startDate":"2027-03-01","endDate":"2027-03-31"}""");
        assertThat(campaign).hasStatus(201);
        String campaignId = Json.read(campaign, "$.id");
        MvcTestResult space = api.as(owner).post("/api/v1/campaign-spaces", """
                {"campaignId":"%s","name":"Spring – Meta","platform":"META"}""".formatted(campaignId));
        assertThat(space).as(Json.body(space)).hasStatus(201);
        return Json.read(space, "$.id");
    }

    private String saveAsTemplate(String space) {
        return "/api/v1/campaign-spaces/" + space + "/save-as-template";
    }

    private void noTemplates(Member owner) {
        assertThat((List<?>) Json.read(api.as(owner).get("/api/v1/templates"), "$.items")).isEmpty();
    }

    @Test
    void anotherWorkspacesSpaceIsNotFound() {
        Member owner = workspaces.workspace("Space template tenancy");
        String space = space(owner);
        Member stranger = workspaces.workspace("Space template stranger");

        MvcTestResult refused = api.as(stranger).post(saveAsTemplate(space), "{\"name\":\"Theirs\"}");
        assertThat(refused).hasStatus(404);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat((Integer) Json.read(refused, "$.status")).isEqualTo(404);
        noTemplates(stranger);
        noTemplates(owner);
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/campaign-spaces/" + space), "$.template"))
                .as("the space is not marked").isFalse();
    }

    @Test
    void aNameTooLongIsAProblemNamingTheField() {
        Member owner = workspaces.workspace("Space template long name");
        String space = space(owner);

        MvcTestResult refused = api.as(owner).post(saveAsTemplate(space), "{\"name\":\"" + "x".repeat(161) + "\"}");
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("name");
        assertThat((String) Json.read(refused, "$.errors[0].message")).contains("1 to 160 characters");
        noTemplates(owner);
        assertThat((Boolean) Json.read(api.as(owner).get("/api/v1/campaign-spaces/" + space), "$.template"))
                .as("nothing half-done: the space is not marked").isFalse();

        assertThat(api.as(owner).post(saveAsTemplate(space), "{\"name\":\"" + "x".repeat(160) + "\"}"))
                .as("160 is allowed").hasStatus(201);
    }

    @Test
    void aViewerMayNot() {
        Member owner = workspaces.workspace("Space template viewer");
        String space = space(owner);
        Member viewer = workspaces.addMember(owner, Role.VIEWER);

        MvcTestResult refused = api.as(viewer).post(saveAsTemplate(space), "{\"name\":\"Mine\"}");
        assertThat(refused).hasStatus(403);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        noTemplates(owner);
    }
}
