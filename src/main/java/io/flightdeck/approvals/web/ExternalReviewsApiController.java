package io.flightdeck.approvals.web;

import java.util.UUID;

import io.flightdeck.approvals.domain.ExternalReview;
import io.flightdeck.approvals.domain.ReviewerLinks;
import io.flightdeck.shared.security.PublicPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an external reviewer calls with nothing but their link's token: no account, no Bearer token. The token
 * names the workspace and the approval; a bad, expired or revoked token answers 404.
 */
@RestController
@RequestMapping("/api/v1/external-reviews/{token}")
@Tag(name = "External reviews", description = "Reviewers without an account, through a reviewer link's token")
class ExternalReviewsApiController {

    private final ReviewerLinks links;

    ExternalReviewsApiController(ReviewerLinks links) {
        this.links = links;
    }

    /** The security configuration lets these through without a signed-in member; the token is the credential. */
    @Bean
    static PublicPaths externalReviewPaths() {
        return PublicPaths.of("/api/v1/external-reviews/**");
    }

    record ExternalReviewDecisionRequest(@Schema(example = "Fine by us") @Size(max = 2000) String comment) {
    }

    record ExternalReviewRejectionRequest(@Schema(example = "Our logo is outdated in the banner") @Size(max = 2000) String reason) {
    }

    record ExternalReviewCommentRequest(@Schema(example = "Could the banner use our new tagline?") @Size(max = 4000) String body,
            @Schema(description = "The comment this replies to", nullable = true) UUID parentId) {
    }

    @Operation(summary = "The approval behind the link, its comments, and whether the reviewer may decide now")
    @GetMapping
    ExternalReview open(@PathVariable String token) {
        return links.open(token);
    }

    @Operation(summary = "Approve as one approver of the current stage (links with canApprove only, else 403)")
    @PostMapping("/approve")
    ExternalReview approve(@PathVariable String token,
            @Valid @RequestBody(required = false) ExternalReviewDecisionRequest request) {
        return links.decide(token, true, request == null ? null : request.comment());
    }

    @Operation(summary = "Reject with a reason (links with canApprove only)")
    @PostMapping("/reject")
    ExternalReview reject(@PathVariable String token,
            @Valid @RequestBody(required = false) ExternalReviewRejectionRequest request) {
        return links.decide(token, false, request == null ? null : request.reason());
    }

    @Operation(summary = "Comment or reply (parentId)")
    @PostMapping("/comments")
    ExternalReview comment(@PathVariable String token,
            @Valid @RequestBody(required = false) ExternalReviewCommentRequest request) {
        return links.comment(token, request == null ? null : request.parentId(), request == null ? null : request.body());
    }
}
