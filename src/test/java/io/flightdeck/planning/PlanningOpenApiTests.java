package io.flightdeck.planning;

import java.util.Map;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The task endpoints are in the OpenAPI document, so Swagger UI lists them. */
@FlightdeckTest
class PlanningOpenApiTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theApiDocumentListsTheTaskEndpoints() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(docs).hasStatusOk();
        Map<String, Object> paths = Json.read(docs, "$.paths");
        assertThat(paths).containsKeys("/api/v1/campaigns/{id}/tasks", "/api/v1/campaigns/{id}/tasks/auto-assign",
                "/api/v1/tasks", "/api/v1/tasks/mine", "/api/v1/tasks/{taskId}", "/api/v1/tasks/{taskId}/restore",
                "/api/v1/tasks/{taskId}/status", "/api/v1/tasks/{taskId}/checklist/{index}/toggle",
                "/api/v1/tasks/{taskId}/dependencies", "/api/v1/tasks/{taskId}/dependencies/{predecessorId}",
                "/api/v1/tasks/{taskId}/comments", "/api/v1/tasks/{taskId}/auto-assign",
                "/api/v1/tasks/{taskId}/assignee", "/api/v1/tasks/auto-assign");
        assertThat((String) Json.read(docs, "$.paths['/api/v1/tasks/{taskId}/status'].post.summary"))
                .contains("illegal-task-transition").contains("predecessors-open");
    }

    @Test
    void theApiDocumentListsTheTimelineTemplateSettingsAndTeamEndpoints() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(docs).hasStatusOk();
        Map<String, Object> paths = Json.read(docs, "$.paths");
        assertThat(paths).containsKeys("/api/v1/timeline-templates", "/api/v1/timeline-templates/{id}",
                "/api/v1/timeline-templates/{id}/restore", "/api/v1/timeline-templates/{id}/make-default",
                "/api/v1/campaigns/{id}/timeline", "/api/v1/campaigns/{id}/timeline/generate",
                "/api/v1/campaigns/{id}/timeline/recalculate", "/api/v1/campaigns/{id}/timeline/critical-path",
                "/api/v1/tasks/{id}/schedule", "/api/v1/planning-settings", "/api/v1/team/members",
                "/api/v1/team/members/{userId}", "/api/v1/team/members/{userId}/time-off",
                "/api/v1/team/members/{userId}/availability", "/api/v1/team/time-off/{id}", "/api/v1/team/skills",
                "/api/v1/team/schedules", "/api/v1/team/workload", "/api/v1/team/performance");
    }
}
