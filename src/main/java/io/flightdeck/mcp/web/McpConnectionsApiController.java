package io.flightdeck.mcp.web;

import java.net.URI;
import java.util.UUID;

import io.flightdeck.mcp.client.McpConnectionView;
import io.flightdeck.mcp.client.McpConnections;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outside MCP servers Flightdeck connects to as a client (admins only): add one with its bearer secret, check it now
 * (Flightdeck connects, initializes and lists its tools), change or remove it. No answer ever carries the secret.
 */
@RestController
@RequestMapping("/api/v1/mcp-connections")
@Tag(name = "MCP connections")
@PreAuthorize("hasRole('ADMIN')")
class McpConnectionsApiController {

    private final McpConnections connections;
    private final IdempotencyKeys idempotencyKeys;

    McpConnectionsApiController(McpConnections connections, IdempotencyKeys idempotencyKeys) {
        this.connections = connections;
        this.idempotencyKeys = idempotencyKeys;
    }

    record McpConnectionBody(
            @Schema(example = "Marketing agent") @NotBlank @Size(max = 80) String name,
            @Schema(description = "The server's Streamable HTTP address (http or https, no user or password in it)",
                    example = "https://mcp.example.com/mcp") @NotBlank @Size(max = 2000) String url,
            @Schema(description = "The bearer secret the server wants, sent as Authorization: Bearer; stored "
                    + "encrypted and never shown again. On a change: leave it out to keep the current one, send an "
                    + "empty string to remove it", example = "sk_live_51Hx") @Size(max = 4000) String secret) {
    }

    @Operation(summary = "The workspace's MCP connections, oldest first, paged")
    @GetMapping
    PageResponse<McpConnectionView> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(connections.list(Paging.of(page, size, Sort.by("createdAt", "id"))), c -> c);
    }

    @Operation(summary = "Connect an MCP server; it stays untested until checked. Honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The connection added, untested",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = McpConnectionView.class)))
    @PostMapping
    ResponseEntity<?> add(@Valid @RequestBody McpConnectionBody body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, body, () -> {
            McpConnectionView added = connections.add(body.name(), body.url(), body.secret());
            return ResponseEntity.created(URI.create("/api/v1/mcp-connections/" + added.id()))
                    .eTag(ETags.of(added.version())).body(added);
        });
    }

    @Operation(summary = "One MCP connection, with what its last check found; its ETag is what If-Match takes")
    @GetMapping("/{id}")
    ResponseEntity<McpConnectionView> get(@PathVariable UUID id) {
        McpConnectionView connection = connections.get(id);
        return ResponseEntity.ok().eTag(ETags.of(connection.version())).body(connection);
    }

    @Operation(summary = "Change an MCP connection's name, address or secret; another address or secret makes it "
            + "untested again")
    @PutMapping("/{id}")
    ResponseEntity<McpConnectionView> change(@PathVariable UUID id, @Valid @RequestBody McpConnectionBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        McpConnectionView changed = connections.change(id, body.name(), body.url(), body.secret(),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @Operation(summary = "Remove an MCP connection")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        connections.remove(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Check an MCP connection now: connect, initialize and list the server's tools (at most about "
            + "25 seconds); answers the connection as the check left it, healthy with its tools or broken with why")
    @PostMapping("/{id}/check")
    ResponseEntity<McpConnectionView> check(@PathVariable UUID id) {
        McpConnectionView checked = connections.check(id);
        return ResponseEntity.ok().eTag(ETags.of(checked.version())).body(checked);
    }
}
