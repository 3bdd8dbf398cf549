package io.flightdeck.mcp.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.mcp.client.CampaignToolCalls;
import io.flightdeck.mcp.client.ToolCallView;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calls of connected MCP servers' tools with a campaign's data: any member reads them, a manager asks for one. The
 * call is queued (202) and made by a job after the request, through the ledger; its answer is read back here.
 */
@RestController
@Tag(name = "MCP tool calls")
class ToolCallsApiController {

    private final CampaignToolCalls calls;
    private final IdempotencyKeys idempotencyKeys;

    ToolCallsApiController(CampaignToolCalls calls, IdempotencyKeys idempotencyKeys) {
        this.calls = calls;
        this.idempotencyKeys = idempotencyKeys;
    }

    record ToolCallBody(
            @Schema(description = "The connected MCP server to call") @NotNull UUID connectionId,
            @Schema(description = "The tool's name, as the server's last check listed it", example = "draft_brief")
            @NotNull @Size(max = 200) String tool,
            @Schema(description = "The tool's arguments, a JSON object its input schema takes. Any text may name a "
                    + "field of the campaign as {{campaign.name}} (also id, description, objective, type, status, "
                    + "priority, startDate, endDate, channels, tags); a text that is only a field takes its value",
                    example = "{\"topic\":\"{{campaign.name}}\",\"channels\":\"{{campaign.channels}}\"}")
            Map<String, Object> arguments) {
    }

    @Operation(summary = "A campaign's calls of connected MCP servers' tools, newest first, paged")
    @GetMapping("/api/v1/campaigns/{campaignId}/mcp-tool-calls")
    PageResponse<ToolCallView> list(@PathVariable UUID campaignId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(calls.list(campaignId, Paging.of(page, size,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))), c -> c);
    }

    @Operation(summary = "Call a tool of a connected MCP server with the campaign's data. Checked whole first (the "
            + "tool listed, the arguments its schema takes), then written to the ledger and made by a job: 202 with "
            + "the call waiting. Honours Idempotency-Key")
    @ApiResponse(responseCode = "202", description = "The call, queued",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ToolCallView.class)))
    @PostMapping("/api/v1/campaigns/{campaignId}/mcp-tool-calls")
    @PreAuthorize("hasRole('MANAGER')")
    ResponseEntity<?> request(@PathVariable UUID campaignId, @Valid @RequestBody ToolCallBody body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, body, () -> {
            ToolCallView call = calls.request(campaignId, body.connectionId(), body.tool(), body.arguments());
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/v1/mcp-tool-calls/" + call.id())).body(call);
        });
    }

    @Operation(summary = "One tool call: its arguments as sent, where it stands, the server's answer")
    @GetMapping("/api/v1/mcp-tool-calls/{id}")
    ToolCallView get(@PathVariable UUID id) {
        return calls.get(id);
    }

    @Operation(summary = "Make a failed call, or one in doubt, again under the same idempotency key (409 otherwise)")
    @PostMapping("/api/v1/mcp-tool-calls/{id}/again")
    @PreAuthorize("hasRole('MANAGER')")
    ToolCallView again(@PathVariable UUID id) {
        return calls.again(id);
    }
}
