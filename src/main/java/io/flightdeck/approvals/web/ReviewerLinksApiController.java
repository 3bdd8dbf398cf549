package io.flightdeck.approvals.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.approvals.domain.ReviewerLinkView;
import io.flightdeck.approvals.domain.ReviewerLinks;
import io.flightdeck.shared.links.PublicUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Links for reviewers without an account. The link's secret is in the create answer only; it is not stored, so
 * this endpoint does not honour Idempotency-Key either (a replay would hand the secret out a second time).
 */
@RestController
@RequestMapping("/api/v1/approvals/{approvalId}/reviewer-links")
@Tag(name = "Approvals")
class ReviewerLinksApiController {

    private final ReviewerLinks links;
    private final PublicUrls publicUrls;

    ReviewerLinksApiController(ReviewerLinks links, PublicUrls publicUrls) {
        this.links = links;
        this.publicUrls = publicUrls;
    }

    /**
     * The engine checks name, email and days so that every refusal names its field the same way. Without
     * canApprove the link lets the reviewer comment only.
     */
    record ReviewerLinkRequest(@Schema(example = "Lee Park (Acme legal)") @Size(max = 160) String name,
            @Schema(example = "lee.park@acme.example") @Size(max = 254) String email,
            @Schema(description = "May approve or reject, not only comment", example = "true") Boolean canApprove,
            @Schema(description = "Days the link works", example = "7") Integer days) {
    }

    /** @param url the absolute review link; only in the answer that creates it */
    record ReviewerLinkBody(UUID id, UUID approvalId, String reviewerName, @Nullable String reviewerEmail,
            boolean canApprove, Instant expiresAt, boolean revoked, boolean expired, Instant createdAt,
            @Nullable String url) {
    }

    @Operation(summary = "Invite an external reviewer (contributors and up): a link valid for `days` (7 by default, "
            + "30 at most) to comment and, with canApprove, to approve or reject as one approver of the current stage. "
            + "The url is shown only in this answer")
    @ApiResponse(responseCode = "201", description = "The link created; its url is shown only in this answer",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReviewerLinkBody.class)))
    @PostMapping
    ResponseEntity<ReviewerLinkBody> create(@PathVariable UUID approvalId,
            @Valid @RequestBody ReviewerLinkRequest request) {
        ReviewerLinkView link = links.create(approvalId, request.name(), request.email(),
                Boolean.TRUE.equals(request.canApprove()), request.days());
        return ResponseEntity.created(URI.create("/api/v1/approvals/" + approvalId + "/reviewer-links"))
                .body(body(link, publicUrls.of(link.path())));
    }

    @Operation(summary = "The approval's reviewer links, newest first, without their secrets")
    @GetMapping
    List<ReviewerLinkBody> list(@PathVariable UUID approvalId) {
        return links.list(approvalId).stream().map(link -> body(link, null)).toList();
    }

    @Operation(summary = "Revoke a reviewer link (contributors and up); it answers 404 from then on")
    @PostMapping("/{linkId}/revoke")
    ReviewerLinkBody revoke(@PathVariable UUID approvalId, @PathVariable UUID linkId) {
        return body(links.revoke(approvalId, linkId), null);
    }

    private static ReviewerLinkBody body(ReviewerLinkView l, String url) {
        return new ReviewerLinkBody(l.id(), l.approvalId(), l.reviewerName(), l.reviewerEmail(), l.canApprove(),
                l.expiresAt(), l.revoked(), l.expired(), l.createdAt(), url);
    }
}
