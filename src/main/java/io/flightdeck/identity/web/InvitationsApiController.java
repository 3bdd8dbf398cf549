package io.flightdeck.identity.web;

import java.net.URI;
import java.util.UUID;

import io.flightdeck.identity.domain.InvitationView;
import io.flightdeck.identity.domain.Invitations;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.links.PublicUrls;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/invitations")
@Tag(name = "Members")
@PreAuthorize("hasRole('ADMIN')")
class InvitationsApiController {

    private final Invitations invitations;
    private final IdempotencyKeys idempotencyKeys;
    private final PublicUrls publicUrls;

    InvitationsApiController(Invitations invitations, IdempotencyKeys idempotencyKeys,
            PublicUrls publicUrls) {
        this.invitations = invitations;
        this.idempotencyKeys = idempotencyKeys;
        this.publicUrls = publicUrls;
    }

    record InviteRequest(@Schema(example = "sam@example.com") @NotBlank @Email @Size(max = 320) String email,
            @Schema(example = "CONTRIBUTOR") @NotNull Role role) {
    }

    /** The invitation and its link; the link holds the only copy of the token. */
    record InviteResponse(InvitationView invitation, String acceptUrl, String token) {
    }

    @Operation(summary = "Invite someone by email with a role; honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The invitation sent, with its link and token",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InviteResponse.class)))
    @PostMapping
    ResponseEntity<?> invite(@Valid @RequestBody InviteRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            Invitations.Issued issued = invitations.invite(request.email(), request.role());
            return ResponseEntity.created(URI.create("/api/v1/invitations/" + issued.invitation().id()))
                    .body(new InviteResponse(issued.invitation(), publicUrls.of("/invitations/" + issued.token()), issued.token()));
        });
    }

    @Operation(summary = "Pending invitations, newest first, paged")
    @GetMapping
    PageResponse<InvitationView> pending(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(invitations.pending(Paging.of(page, size, Sort.unsorted())), i -> i);
    }

    @Operation(summary = "One invitation, with its status")
    @GetMapping("/{id}")
    InvitationView get(@PathVariable UUID id) {
        return invitations.get(id);
    }

    @Operation(summary = "Withdraw a pending invitation")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        invitations.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
