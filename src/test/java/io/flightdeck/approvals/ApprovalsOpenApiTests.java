package io.flightdeck.approvals;

import java.util.Map;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The approvals endpoints are in the OpenAPI document, so Swagger UI lists them. */
@FlightdeckTest
class ApprovalsOpenApiTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theApiDocumentListsTheApprovalsEndpoints() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(docs).hasStatusOk();
        Map<String, Object> paths = Json.read(docs, "$.paths");
        assertThat(paths).containsKeys(
                "/api/v1/campaigns/{id}/approvals", "/api/v1/campaigns/{id}/approvals/initialize",
                "/api/v1/campaigns/{id}/approvals/check-publish", "/api/v1/campaigns/{id}/approvals/{scope}/approve",
                "/api/v1/campaigns/{id}/approvals/{scope}/reject", "/api/v1/campaigns/{id}/approvals/{scope}/request-review",
                "/api/v1/campaigns/{id}/approvals/{scope}/history", "/api/v1/campaigns/{id}/approvals/{scope}/comments",
                "/api/v1/campaigns/{id}/approval-items", "/api/v1/approvals/inbox", "/api/v1/approvals/{approvalId}",
                "/api/v1/approvals/{approvalId}/approve", "/api/v1/approvals/{approvalId}/reviewer-links",
                "/api/v1/approval-scopes", "/api/v1/approval-scopes/{key}", "/api/v1/approval-settings",
                "/api/v1/approval-rules", "/api/v1/approval-rules/{id}", "/api/v1/approval-delegations",
                "/api/v1/external-reviews/{token}", "/api/v1/external-reviews/{token}/approve");
    }
}
