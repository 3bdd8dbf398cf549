package io.flightdeck.guidance.web;

import java.net.URI;
import java.util.UUID;

import io.flightdeck.guidance.strategy.GeneratedStrategy;
import io.flightdeck.guidance.strategy.StrategyGeneration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Seed 002's orchestrator: {@code generate-strategy}. Writes a strategy version, so contributors and up, as strategies. */
@RestController
@Tag(name = "Guidance")
class StrategyGenerationApiController {

    private final StrategyGeneration generation;

    StrategyGenerationApiController(StrategyGeneration generation) {
        this.generation = generation;
    }

    record GenerateStrategyRequest(
            @Schema(description = "The AI provider's name, or built-in; the workspace's default when left out",
                    example = "built-in") @Size(max = 40) String provider) {
    }

    @Operation(summary = "Generate a full strategy (goals, audience, pillars, tone, cadence, channel mix, budget split) "
            + "from the campaign's brief, its brand and what worked in the workspace's past campaigns, and save it as "
            + "the next strategy version for review (contributors and up); answers the version and the evidence used. "
            + "404 for a campaign of another workspace; 502 malformed-answer when the AI provider's answer is not a "
            + "strategy whose shares add up, and then nothing is saved")
    @ApiResponse(responseCode = "201", description = "The strategy version generated, with the evidence used",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = GeneratedStrategy.class)))
    @PostMapping("/api/v1/orchestrator/campaigns/{id}/generate-strategy")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<GeneratedStrategy> generate(@PathVariable UUID id,
            @Valid @RequestBody(required = false) GenerateStrategyRequest request) {
        GeneratedStrategy generated = generation.generate(id, request == null ? null : request.provider());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/strategies/" + generated.version()))
                .body(generated);
    }
}
