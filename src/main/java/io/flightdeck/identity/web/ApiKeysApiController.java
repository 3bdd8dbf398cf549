package io.flightdeck.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.identity.domain.ApiKeyView;
import io.flightdeck.identity.domain.ApiKeys;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.assistant.AssistantLimits;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys")
class ApiKeysApiController {

    private final ApiKeys apiKeys;
    private final IdempotencyKeys idempotencyKeys;

    ApiKeysApiController(ApiKeys apiKeys, IdempotencyKeys idempotencyKeys) {
        this.apiKeys = apiKeys;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Operation(summary = "Your API keys, newest first, paged; admins may ask for everyone's with scope=all")
    @GetMapping
    PageResponse<ApiKeyView> list(@RequestParam(defaultValue = "mine") String scope,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        boolean everyone = "all".equals(scope);
        if (everyone && !CurrentActor.require().role().includes(Role.ADMIN)) {
            throw new AccessDeniedException("Only admins see everyone's keys");
        }
        return PageResponse.of(apiKeys.list(everyone, Paging.of(page, size, Sort.unsorted())), k -> k);
    }

    record CreateRequest(@Schema(example = "Reporting dashboard") @NotBlank @Size(max = 80) String name,
            @Schema(description = "The most the key may do, whatever its owner's role", example = "VIEWER") @NotNull Role roleCeiling,
            @Schema(description = "Never expires when absent", example = "2030-01-31T00:00:00Z") Instant expiresAt,
            @Schema(description = "What an AI assistant using the key may do over MCP; every toolset, reads and "
                    + "writes, when absent") @Nullable AssistantLimits assistant) {
    }

    /** The key's secret is in this answer only. */
    record CreateResponse(ApiKeyView key, String secret) {
    }

    @Operation(summary = "Create a personal API key; the secret is shown once. Honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The key created; its secret is shown only in this answer",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreateResponse.class)))
    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody CreateRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            ApiKeys.Created created = apiKeys.create(request.name(), request.roleCeiling(), request.expiresAt(),
                    request.assistant() == null ? AssistantLimits.NONE : request.assistant());
            return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.key().id()))
                    .body(new CreateResponse(created.key(), created.secret()));
        });
    }

    @Operation(summary = "One key: your own, or anyone's if you are an admin")
    @GetMapping("/{id}")
    ApiKeyView get(@PathVariable UUID id) {
        return apiKeys.get(id);
    }

    @Operation(summary = "Revoke a key: your own, or anyone's if you are an admin")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        apiKeys.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
