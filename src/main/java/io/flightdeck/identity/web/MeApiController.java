package io.flightdeck.identity.web;

import java.util.List;
import java.util.UUID;

import io.flightdeck.identity.domain.AccountView;
import io.flightdeck.identity.domain.Accounts;
import io.flightdeck.identity.domain.WorkspaceChoice;
import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me")
class MeApiController {

    private final Accounts accounts;
    private final Workspaces workspaces;

    MeApiController(Accounts accounts, Workspaces workspaces) {
        this.accounts = accounts;
        this.workspaces = workspaces;
    }

    record MeResponse(UUID id, String email, String displayName, String timeZone, UUID workspaceId, Role role,
            boolean viaApiKey, List<WorkspaceChoice> workspaces) {
    }

    @Operation(summary = "The signed-in member, the current workspace and role, and every workspace they belong to")
    @GetMapping
    MeResponse me() {
        Actor actor = CurrentActor.require();
        return response(accounts.get(actor.userId()), actor);
    }

    record MyProfileRequest(@Schema(example = "Dana Reyes") @NotBlank @Size(max = 120) String displayName,
            @Schema(description = "IANA time zone", example = "Europe/Berlin") String timeZone) {
    }

    @Operation(summary = "Change your display name and time zone")
    @PutMapping
    MeResponse updateProfile(@Valid @RequestBody MyProfileRequest request) {
        Actor actor = requireSignedInPerson();
        return response(accounts.updateProfile(actor.userId(), request.displayName(), request.timeZone()), actor);
    }

    record PasswordRequest(@Schema(example = "correct-horse-battery-staple") @NotBlank String currentPassword,
            @Schema(description = "At least 10 characters", example = "a-longer-passphrase-for-2027") @NotBlank String newPassword) {
    }

    @Operation(summary = "Change your password")
    @ApiResponse(responseCode = "204", description = "Password changed")
    @PutMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordRequest request) {
        accounts.changePassword(requireSignedInPerson().userId(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    /** The account itself (name, password) is changed by its person, never by a script holding an API key. */
    private static Actor requireSignedInPerson() {
        Actor actor = CurrentActor.require();
        if (actor.viaApiKey()) {
            throw new AccessDeniedException("API keys cannot change the account they belong to");
        }
        return actor;
    }

    private MeResponse response(AccountView account, Actor actor) {
        return new MeResponse(account.id(), account.email(), account.displayName(), account.timeZone(), actor.workspaceId(),
                actor.role(), actor.viaApiKey(), workspaces.choicesOf(actor.userId()));
    }
}
