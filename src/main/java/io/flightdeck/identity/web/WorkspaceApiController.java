package io.flightdeck.identity.web;

import io.flightdeck.identity.domain.WorkspaceView;
import io.flightdeck.identity.domain.Workspaces;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspace")
@Tag(name = "Workspace")
class WorkspaceApiController {

    private final Workspaces workspaces;

    WorkspaceApiController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Operation(summary = "The current workspace; its ETag is what If-Match takes on update")
    @GetMapping
    ResponseEntity<WorkspaceView> get() {
        WorkspaceView view = workspaces.current();
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    record WorkspaceSettingsRequest(@Schema(example = "Northwind Marketing") @NotBlank @Size(max = 120) String name,
            @Schema(description = "IANA time zone", example = "Europe/Berlin") @NotBlank String timeZone,
            @Schema(description = "BCP 47 language tag", example = "en-GB") @NotBlank String locale,
            @Schema(description = "true: every AI assistant (MCP) in the workspace only reads, whatever its key "
                    + "allows; unchanged when absent") Boolean assistantsReadOnly) {
    }

    @Operation(summary = "Change the workspace's name, time zone, locale and whether AI assistants only read (admins)")
    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<WorkspaceView> update(@Valid @RequestBody WorkspaceSettingsRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        WorkspaceView view = workspaces.update(new Workspaces.Settings(request.name(), request.timeZone(), request.locale(),
                request.assistantsReadOnly()),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
