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

    /**
     * Records with the same simple name in two modules share one schema in the document, and one module's fields then
     * describe the other's endpoint. Approvals names its bodies for itself, so approve and request-review document
     * {@code comment} while a task comment keeps {@code body}.
     */
    @Test
    void theApprovalsBodiesHaveSchemasOfTheirOwn() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        Map<String, Object> schemas = Json.read(docs, "$.components.schemas");
        assertThat(schemas).containsKeys("ApprovalDecisionRequest", "ApprovalRejectionRequest", "ApprovalCommentRequest",
                "ApprovalStartRequest", "ApprovalScopeRequest", "ApprovalScopeChangeRequest", "ApprovalStageBody",
                "ApprovalDeadlinesRequest", "AutoApprovalRuleRequest", "ApprovalDelegationRequest",
                "ExternalReviewDecisionRequest", "ExternalReviewRejectionRequest", "ExternalReviewCommentRequest",
                "ReviewerLinkRequest");
        assertThat((Map<String, Object>) Json.read(docs, "$.components.schemas.ApprovalDecisionRequest.properties"))
                .containsOnlyKeys("comment");
        assertThat((String) Json.read(docs, "$.paths['/api/v1/approvals/{approvalId}/approve'].post.requestBody"
                + ".content['application/json'].schema['$ref']")).endsWith("/ApprovalDecisionRequest");
        assertThat((String) Json.read(docs, "$.paths['/api/v1/campaigns/{id}/approvals/{scope}/request-review'].post"
                + ".requestBody.content['application/json'].schema['$ref']")).endsWith("/ApprovalDecisionRequest");
        assertThat((Map<String, Object>) Json.read(docs, "$.components.schemas.TaskCommentRequest.properties"))
                .as("the task comment's body").containsOnlyKeys("body");
    }
}
