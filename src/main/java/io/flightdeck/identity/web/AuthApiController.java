package io.flightdeck.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.identity.domain.AccountView;
import io.flightdeck.identity.domain.Invitations;
import io.flightdeck.identity.domain.SignIn;
import io.flightdeck.identity.domain.WorkspaceChoice;
import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.identity.security.AccessTokens;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
@SecurityRequirements
class AuthApiController {

    private final SignIn signIn;
    private final Workspaces workspaces;
    private final Invitations invitations;
    private final AccessTokens accessTokens;

    AuthApiController(SignIn signIn, Workspaces workspaces, Invitations invitations, AccessTokens accessTokens) {
        this.signIn = signIn;
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.accessTokens = accessTokens;
    }

    record TokenRequest(@Schema(example = "dana@example.com") @NotBlank @Email String email,
            @Schema(example = "correct-horse-battery-staple") @NotBlank String password,
            @Schema(description = "Workspace id or slug; the last used one when absent", example = "northwind-marketing")
            String workspace) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt, UUID workspaceId,
            String workspaceSlug, Role role) {
    }

    @Operation(summary = "Exchange email and password for a short-lived access token for one workspace")
    @PostMapping("/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        AccountView account = signIn.authenticate(request.email(), request.password(), http.getRemoteAddr());
        WorkspaceChoice choice = (request.workspace() == null || request.workspace().isBlank()
                ? workspaces.landingFor(account.id())
                : workspaces.choiceOf(account.id(), request.workspace().trim()))
                .orElseThrow(() -> new NotFoundException("The workspace"));
        return tokenFor(account.id(), choice.workspaceId());
    }

    record SignUpRequest(@Schema(example = "Northwind Marketing") @NotBlank @Size(max = 120) String workspaceName,
            @Schema(example = "Dana Reyes") @NotBlank @Size(max = 120) String displayName,
            @Schema(example = "dana@example.com") @NotBlank @Email @Size(max = 320) String email,
            @Schema(description = "At least 10 characters", example = "correct-horse-battery-staple") @NotBlank String password,
            @Schema(description = "IANA time zone; UTC when absent", example = "Europe/Berlin") String timeZone) {
    }

    @Operation(summary = "Create an account and its first workspace; answers with an access token")
    @ApiResponse(responseCode = "201", description = "The account and its workspace created, with an access token",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @PostMapping("/signup")
    ResponseEntity<TokenResponse> signUp(@Valid @RequestBody SignUpRequest request) {
        Workspaces.SignedUp signedUp = workspaces.signUp(new Workspaces.SignUp(request.workspaceName(),
                request.displayName(), request.email(), request.password(), request.timeZone()));
        return ResponseEntity.created(URI.create("/api/v1/workspace"))
                .body(tokenFor(signedUp.userId(), signedUp.workspaceId()));
    }

    record AcceptInvitationRequest(@Schema(description = "The token from the invitation link", example = "inv_3kT9wQ")
            @NotBlank String token,
            @Schema(description = "Your name, for a new account", example = "Sam Okafor") @Size(max = 120) String displayName,
            @Schema(description = "A new account's password, or an existing account's own", example = "correct-horse-battery-staple")
            @NotBlank String password) {
    }

    @Operation(summary = "Accept an invitation: existing accounts give their password, new ones a name and a password")
    @ApiResponse(responseCode = "201", description = "The invitation accepted: you are a member, with an access token",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenResponse.class)))
    @PostMapping("/accept-invitation")
    ResponseEntity<TokenResponse> acceptInvitation(@Valid @RequestBody AcceptInvitationRequest request,
            HttpServletRequest http) {
        Invitations.Accepted accepted = invitations.accept(request.token(), request.displayName(), request.password(),
                http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(tokenFor(accepted.userId(), accepted.workspaceId()));
    }

    private TokenResponse tokenFor(UUID userId, UUID workspaceId) {
        Actor actor = workspaces.actorFor(userId, workspaceId).orElseThrow(() -> new NotFoundException("The workspace"));
        AccessTokens.Issued issued = accessTokens.issue(actor);
        WorkspaceChoice choice = workspaces.choiceOf(userId, workspaceId.toString()).orElseThrow();
        return new TokenResponse(issued.token(), "Bearer", issued.expiresIn(), issued.expiresAt(), workspaceId,
                choice.slug(), actor.role());
    }
}
