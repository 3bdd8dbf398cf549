package io.flightdeck.rendering.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.rendering.jobs.RenderProvider;
import io.flightdeck.rendering.jobs.RenderStatus;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.rendering.jobs.RenderJobDraft;
import io.flightdeck.rendering.jobs.RenderJobFilter;
import io.flightdeck.rendering.jobs.RenderJobView;
import io.flightdeck.rendering.jobs.RenderJobView.RenderJobError;
import io.flightdeck.rendering.jobs.RenderJobView.RenderJobProgress;
import io.flightdeck.rendering.jobs.RenderJobs;
import io.flightdeck.rendering.jobs.RenderWebhooks;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.idempotency.IdempotencyKeys;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.web.ETags;
import io.flightdeck.shared.webhooks.WebhookRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Render jobs (seed 000) under {@code /api/v1/render-jobs}: create, submit, status, poll, cancel, list, webhooks. */
@RestController
@RequestMapping("/api/v1/render-jobs")
@Tag(name = "Render jobs")
class RenderJobsApiController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final RenderJobs jobs;
    private final RenderWebhooks webhooks;
    private final IdempotencyKeys idempotencyKeys;

    RenderJobsApiController(RenderJobs jobs, RenderWebhooks webhooks, IdempotencyKeys idempotencyKeys) {
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.idempotencyKeys = idempotencyKeys;
    }

    /**
     * A new render job.
     *
     * @param creativeId the creative whose image or video the output becomes (its campaign gets the assets)
     * @param campaignId where the outputs go when there is no creative; null puts them in the library only
     * @param provider   {@code builtin-image} (default for images), {@code builtin-video} (default for videos),
     *                   {@code replicate}, {@code runway}
     * @param params     prompt, negativePrompt, seed, width, height, steps, duration, fps, template, layers, format,
     *                   sizes, headline, cta, backgroundAssetId, imageAssetIds, …
     * @param submit     false creates the job without sending it; default true
     */
    record RenderJobRequest(
            @Schema(example = "0190c1a2-7c3e-7d6f-9a1b-2c3d4e5f6a7b") UUID creativeId,
            @Schema(nullable = true, description = "where the outputs go without a creative; the creative's campaign "
                    + "otherwise") UUID campaignId,
            @Schema(example = "IMAGE") @NotNull RenderType type,
            @Schema(example = "builtin-image") String provider,
            @Schema(nullable = true, description = "the provider's model; its default when left out") String model,
            @Schema(example = "{\"template\": \"bold-headline\", \"sizes\": [\"1080x1080\", \"1200x628\"]}")
            Map<String, Object> params,
            @Schema(example = "3") Integer maxRetries,
            @Schema(example = "true") Boolean submit) {

        RenderJobDraft toDraft() {
            return new RenderJobDraft(creativeId, campaignId, type, provider, model, params, maxRetries,
                    submit == null || submit);
        }
    }

    /** The short answer for status checks. */
    record RenderJobStatus(UUID id, RenderStatus status, RenderJobProgress progress, RenderJobError error, int attempt,
            int retryCount, int maxRetries,
            @Schema(nullable = true, description = "when a job waiting to retry is sent again") Instant nextAttemptAt,
            Instant updatedAt) {

        static RenderJobStatus of(RenderJobView v) {
            return new RenderJobStatus(v.id(), v.status(), v.progress(), v.error(), v.attempt(), v.retryCount(),
                    v.maxRetries(), v.nextAttemptAt(), v.updatedAt());
        }
    }

    /** A provider this installation offers. */
    record RenderProviderInfo(String name, String displayName, boolean image, boolean video, boolean available,
            @Schema(nullable = true, description = "the model an image job gets by default") String defaultImageModel,
            @Schema(nullable = true, description = "the model a video job gets by default") String defaultVideoModel) {

        static RenderProviderInfo of(RenderProvider p) {
            boolean image = p.canRender(RenderType.IMAGE);
            boolean video = p.canRender(RenderType.VIDEO);
            return new RenderProviderInfo(p.name(), p.displayName(), image, video, p.available(),
                    image ? p.defaultModel(RenderType.IMAGE) : null, video ? p.defaultModel(RenderType.VIDEO) : null);
        }
    }

    record WebhookReceipt(String outcome) {
    }

    @Operation(summary = "Queue a render job (contributors) and, unless submit is false, send it to its provider; "
            + "the creative or campaign must be in this workspace; honours Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "The render job created",
            headers = {@Header(name = "Location", schema = @Schema(type = "string")),
                    @Header(name = "ETag", schema = @Schema(type = "string"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RenderJobView.class)))
    @PostMapping({"", "/create"})
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ResponseEntity<?> create(@Valid @RequestBody RenderJobRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return idempotencyKeys.run(idempotencyKey, request, () -> {
            RenderJobView created = jobs.create(request.toDraft());
            return ResponseEntity.created(URI.create("/api/v1/render-jobs/" + created.id()))
                    .eTag(ETags.of(created.version())).body(created);
        });
    }

    @Operation(summary = "Render jobs, newest first, paged; filter by status (repeatable), type, provider, creative "
            + "or campaign")
    @GetMapping
    PageResponse<RenderJobView> list(@RequestParam(required = false) Set<RenderStatus> status,
            @RequestParam(required = false) RenderType type, @RequestParam(required = false) String provider,
            @RequestParam(required = false) UUID creativeId, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var filter = new RenderJobFilter(status == null ? Set.of() : status, type, provider, creativeId, campaignId);
        return PageResponse.of(jobs.list(filter, Paging.of(page, size, NEWEST_FIRST)), v -> v);
    }

    @Operation(summary = "The providers this installation offers, and whether each is configured")
    @GetMapping("/providers")
    List<RenderProviderInfo> providers() {
        return jobs.providers().stream().map(RenderProviderInfo::of).toList();
    }

    @Operation(summary = "One render job with its params, progress, outputs, error and logs")
    @GetMapping("/{id}")
    ResponseEntity<RenderJobView> get(@PathVariable UUID id) {
        RenderJobView job = jobs.get(id);
        return ResponseEntity.ok().eTag(ETags.of(job.version())).body(job);
    }

    @Operation(summary = "A render job's status, progress and error")
    @GetMapping("/{id}/status")
    RenderJobStatus status(@PathVariable UUID id) {
        return RenderJobStatus.of(jobs.get(id));
    }

    @Operation(summary = "Ask the provider where a running job stands now and record it (409 unless the job is "
            + "running at an external provider)")
    @GetMapping("/{id}/poll")
    RenderJobStatus poll(@PathVariable UUID id) {
        return RenderJobStatus.of(jobs.poll(id));
    }

    @Operation(summary = "Send a job created without submitting, or send a failed or cancelled job again (retries "
            + "reset); 409 for a job that is on its way or published")
    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    RenderJobView submit(@PathVariable UUID id) {
        return jobs.submit(id);
    }

    @Operation(summary = "Cancel a queued job (at once) or a running one (the provider is asked to stop); 409 for a "
            + "job that already ended")
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    RenderJobView cancel(@PathVariable UUID id) {
        return jobs.cancel(id);
    }

    /**
     * A provider's callback, without sign-in, verified by the provider's signature. Documented so that the document is
     * the whole API surface an outside party can reach, with its own operation id so that a generated client does not
     * mistake it for one of the job's operations.
     */
    @Operation(operationId = "renderJobs_providerWebhook",
            summary = "A render provider's callback (no sign-in; the provider calls it, e.g. /webhook/replicate): verified "
                    + "by the provider's signature, 401 when it does not verify or is stale, 413 over the size limit; a "
                    + "delivery seen before changes nothing. Answers what became of it: applied, duplicate, unknown_job or ignored",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The provider's event, "
                    + "read as raw bytes for its signature", content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object", description = "The provider's own event document"))))
    @SecurityRequirements
    @PostMapping("/webhook/{provider}")
    WebhookReceipt webhook(@PathVariable String provider, WebhookRequest delivery) {
        return new WebhookReceipt(webhooks.receive(provider, delivery).name().toLowerCase());
    }

    @Configuration(proxyBeanMethods = false)
    static class WebhookPaths {
        @Bean
        PublicPaths renderWebhookPaths() {
            return PublicPaths.of("/api/v1/render-jobs/webhook/**");
        }
    }
}
