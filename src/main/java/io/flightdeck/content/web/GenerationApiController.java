package io.flightdeck.content.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import io.flightdeck.content.providers.GenerationProviderView;
import io.flightdeck.content.providers.GenerationProviders;
import io.flightdeck.content.providers.GenerationUsageView;
import io.flightdeck.content.providers.ProviderKind;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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

/** The workspace's LLM providers, token budget and usage under {@code /api/v1/content}; admins change them. */
@RestController
@RequestMapping("/api/v1/content")
@Tag(name = "AI providers")
class GenerationApiController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final GenerationProviders providers;

    GenerationApiController(GenerationProviders providers) {
        this.providers = providers;
    }

    record ContentProviderRequest(@Schema(example = "Anthropic") @NotBlank @Size(max = 80) String name,
            @Schema(example = "ANTHROPIC") @NotNull ProviderKind kind,
            @Schema(example = "https://api.anthropic.com") @NotBlank @Size(max = 500) String baseUrl,
            @Schema(example = "claude-sonnet-4-5") @NotBlank @Size(max = 120) String model,
            @Schema(example = "sk-ant-api03-example", description = "write-only; left out keeps the stored key, empty removes it")
            @Size(max = 500) String apiKey,
            @Schema(description = "Azure OpenAI only: its api-version", nullable = true) @Size(max = 40) String azureApiVersion) {

        GenerationProviders.ProviderDetails toDetails() {
            return new GenerationProviders.ProviderDetails(name, kind, baseUrl, model, apiKey, azureApiVersion);
        }
    }

    @Operation(summary = "The workspace's AI providers (the key is never answered, only hasKey)")
    @GetMapping("/providers")
    List<GenerationProviderView> list() {
        return providers.list();
    }

    @Operation(summary = "Add an AI provider (admins): Anthropic, or any OpenAI-compatible endpoint (OpenAI, Azure "
            + "OpenAI with azureApiVersion, Ollama, vLLM); the key is stored encrypted")
    @ApiResponse(responseCode = "201", description = "The provider added",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = GenerationProviderView.class)))
    @PostMapping("/providers")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<GenerationProviderView> create(@Valid @RequestBody ContentProviderRequest request) {
        GenerationProviderView created = providers.create(request.toDetails());
        return ResponseEntity.created(URI.create("/api/v1/content/providers/" + created.id()))
                .eTag(ETags.of(created.version())).body(created);
    }

    @Operation(summary = "Change an AI provider (admins); honours If-Match")
    @PutMapping("/providers/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<GenerationProviderView> update(@PathVariable UUID id, @Valid @RequestBody ContentProviderRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        GenerationProviderView saved = providers.update(id, request.toDetails(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved);
    }

    @Operation(summary = "Remove an AI provider (admins); its past usage stays")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/providers/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        providers.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Make a provider the one used when a request names none (admins)")
    @ApiResponse(responseCode = "204", description = "It is the default now")
    @PostMapping("/providers/{id}/default")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> makeDefault(@PathVariable UUID id) {
        providers.makeDefault(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Make the built-in generator the default again (admins)")
    @ApiResponse(responseCode = "204", description = "The built-in provider is the default now")
    @DeleteMapping("/providers/default")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> builtInDefault() {
        providers.makeDefault(null);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "This month's token budget and use (UTC months); null budget for no limit")
    @GetMapping("/generation-budget")
    GenerationProviders.GenerationBudget budget() {
        return providers.budget();
    }

    record ContentBudgetRequest(@Schema(example = "2000000", description = "tokens per month; null for no limit")
            @PositiveOrZero Long monthlyTokenBudget) {
    }

    @Operation(summary = "Set the monthly token budget (admins); when it is spent, requests to AI providers are "
            + "refused with 422 budget-exhausted until the next month")
    @PutMapping("/generation-budget")
    @PreAuthorize("hasRole('ADMIN')")
    GenerationProviders.GenerationBudget setBudget(@Valid @RequestBody ContentBudgetRequest request) {
        return providers.setBudget(request.monthlyTokenBudget());
    }

    record ContentUsage(YearMonth month, List<GenerationProviders.GenerationUsageLine> lines, PageResponse<GenerationUsageView> calls) {
    }

    @Operation(summary = "AI usage of a month (managers): per provider and model, and every call, newest first, paged")
    @GetMapping("/usage")
    @PreAuthorize("hasRole('MANAGER')")
    ContentUsage usage(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        YearMonth m = month != null ? month : providers.budget().month();
        return new ContentUsage(m, providers.summary(m), PageResponse.of(providers.calls(m, Paging.of(page, size,
                NEWEST_FIRST)), c -> c));
    }
}
