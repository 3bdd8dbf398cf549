package io.flightdeck.campaigns;

import java.util.List;
import java.util.Map;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Each lifecycle move is an operation of its own in the OpenAPI document, so Swagger UI and clients list them apart. */
@FlightdeckTest
class CampaignsOpenApiTests {

    static final Map<String, String> OPERATIONS = Map.of(
            "plan", "planCampaign", "mark-ready", "markCampaignReady", "launch", "launchCampaign",
            "pause", "pauseCampaign", "resume", "resumeCampaign", "complete", "completeCampaign",
            "archive", "archiveCampaign", "cancel", "cancelCampaign");

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyLifecycleMoveIsItsOwnDocumentedOperation() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatusOk();

        OPERATIONS.forEach((path, operationId) -> {
            String post = "$.paths['/api/v1/campaigns/{id}/" + path + "'].post";
            assertThat((String) Json.read(docs, post + ".operationId")).as(path).isEqualTo(operationId);
            assertThat((String) Json.read(docs, post + ".summary")).as(path).isNotBlank();
            assertThat((List<String>) Json.read(docs, post + ".parameters[*].name")).as(path).contains("id", "If-Match");
            assertThat((String) Json.read(docs, post + ".requestBody.content['application/json'].schema['$ref']"))
                    .as(path).endsWith("/CampaignTransitionRequest");
        });
        List<String> operationIds = Json.read(docs, "$.paths..post.operationId");
        assertThat(operationIds).containsAll(OPERATIONS.values()).doesNotHaveDuplicates();
        Map<String, Object> paths = Json.read(docs, "$.paths");
        assertThat(paths.keySet()).noneMatch(key -> key.contains("{transition}"));
        assertThat((Map<String, Object>) Json.read(docs, "$.components.schemas.CampaignTransitionRequest.properties"))
                .containsOnlyKeys("force", "reason", "confirm", "throughPlanning");
    }
}
