package io.flightdeck.assets.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.flightdeck.assets.platforms.AdPlatformConnectionRequest;
import io.flightdeck.assets.platforms.AdPlatformConnectionView;
import io.flightdeck.assets.platforms.AdPlatformConnections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's ad-platform connections under {@code /api/v1/ad-platform-connections}: admins add and remove them,
 * members read them. A credential goes in once and never comes back out.
 */
@RestController
@RequestMapping("/api/v1/ad-platform-connections")
@Tag(name = "Ad-platform connections")
class AdPlatformConnectionsApiController {

    private final AdPlatformConnections connections;

    AdPlatformConnectionsApiController(AdPlatformConnections connections) {
        this.connections = connections;
    }

    @Operation(summary = "Connect a Google Ads customer or a Meta ad account (admins); the credentials are stored "
            + "encrypted and never answered")
    @ApiResponse(responseCode = "201", description = "The connection, without its credentials",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AdPlatformConnectionView.class)))
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AdPlatformConnectionView> create(@Valid @RequestBody AdPlatformConnectionRequest request) {
        AdPlatformConnectionView created = connections.create(request);
        return ResponseEntity.created(URI.create("/api/v1/ad-platform-connections/" + created.id())).body(created);
    }

    @Operation(summary = "The workspace's connections by name, without their credentials")
    @GetMapping
    List<AdPlatformConnectionView> list() {
        return connections.list();
    }

    @Operation(summary = "One connection, without its credentials")
    @GetMapping("/{id}")
    AdPlatformConnectionView get(@PathVariable UUID id) {
        return connections.get(id);
    }

    @Operation(summary = "Remove a connection (admins); imports it ran stay")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        connections.delete(id);
        return ResponseEntity.noContent().build();
    }
}
