package io.flightdeck.publishing.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelConnects;
import io.flightdeck.publishing.channels.ChannelConnects.ConnectOutcome;
import io.flightdeck.publishing.channels.ChannelConnects.ConnectStarted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connecting X and LinkedIn accounts from a script: start, send the person to {@code authorizationUrl}; the network
 * brings them back to the web app's callback, which connects the account (or asks them to pick when the permission
 * covers several, which this API can also do).
 */
@RestController
@RequestMapping("/api/v1/channels/connect")
@Tag(name = "Channels")
class ChannelConnectApiController {

    private final ChannelConnects connects;

    ChannelConnectApiController(ChannelConnects connects) {
        this.connects = connects;
    }

    record ConnectRequest(@Schema(example = "x") @NotBlank @Size(max = 32) String network,
            @Schema(nullable = true, example = "Europe/Berlin", description = "the audience's time zone; yours when "
                    + "left out") String timeZone) {
    }

    record AccountChoice(@Schema(example = "[\"urn:li:organization:2414183\"]") @NotEmpty List<@NotBlank String> externalIds) {
    }

    @Operation(summary = "Start connecting an account through the network's sign-in (admins): send the person to "
            + "authorizationUrl within ten minutes")
    @ApiResponse(responseCode = "201", description = "The connection started: send the person to authorizationUrl",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectStarted.class)))
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ConnectStarted> start(@Valid @RequestBody ConnectRequest request) {
        ConnectStarted started = connects.start(request.network(), request.timeZone());
        return ResponseEntity.created(URI.create("/api/v1/channels/connect/" + started.requestId())).body(started);
    }

    @Operation(summary = "A connection waiting for the person to pick accounts, with the accounts offered")
    @GetMapping("/{requestId}")
    @PreAuthorize("hasRole('ADMIN')")
    ConnectOutcome pending(@PathVariable UUID requestId) {
        return connects.pending(requestId);
    }

    @Operation(summary = "Connect the picked accounts of a waiting connection (admins)")
    @PostMapping("/{requestId}/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    List<ChannelAccountView> choose(@PathVariable UUID requestId, @Valid @RequestBody AccountChoice choice) {
        return connects.choose(requestId, choice.externalIds());
    }
}
