package io.flightdeck.rendering.web;

import java.util.Map;
import java.util.UUID;

import io.flightdeck.rendering.RenderType;
import io.flightdeck.rendering.jobs.RenderJobDraft;
import io.flightdeck.rendering.jobs.RenderJobView;
import io.flightdeck.rendering.jobs.RenderJobs;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.flightdeck.shared.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Render jobs as an AI assistant may use them over MCP, on the service {@link RenderJobsApiController} uses: create as
 * {@code POST /api/v1/render-jobs} and read as {@code GET /api/v1/render-jobs/{id}}. Creating only writes the job and
 * schedules its execution in the caller's transaction; the rendering (built-in or at a provider) runs in that job
 * after the commit, so a dry run renders nothing.
 */
@Configuration(proxyBeanMethods = false)
class RenderJobTools {

    record CreateInput(
            @Schema(description = "The creative whose image or video the output becomes, as list_creatives answers "
                    + "it; its campaign gets the outputs") UUID creativeId,
            @Schema(description = "Where the outputs go when there is no creative; the library only when both are "
                    + "left out") UUID campaignId,
            @Schema(description = "IMAGE or VIDEO") @NotNull RenderType type,
            @Schema(description = "builtin-image (default for images), builtin-video (default for videos), replicate "
                    + "or runway") @Size(max = 40) String provider,
            @Schema(description = "The provider's model; its default when left out") @Size(max = 200) String model,
            @Schema(description = "What to render: prompt, negativePrompt, seed, width, height, steps, duration, fps; "
                    + "for the built-in image renderer template, sizes (e.g. [\"1080x1080\"]), format (png or jpeg), "
                    + "headline, cta, backgroundAssetId, imageAssetIds") @Size(max = 40) Map<String, Object> params,
            @Schema(description = "How often a failed attempt is tried again, 0 to 10 (3 when left out)")
            @Min(0) @Max(10) Integer maxRetries,
            @Schema(description = "false creates the job without sending it; it is sent when left out") Boolean submit) {

        RenderJobDraft toDraft() {
            return new RenderJobDraft(creativeId, campaignId, type, provider, model, params, maxRetries,
                    submit == null || submit);
        }
    }

    record GetInput(@Schema(description = "The render job's id, as create_render_job answers it") @NotNull UUID id) {
    }

    @Bean
    AssistantTool createRenderJobTool(RenderJobs jobs) {
        return AssistantTool.creating("create_render_job", "Create a render job",
                "Queues a render job that makes an image or a video for a creative (or a campaign, or the library) "
                        + "and, unless submit is false, sends it to its renderer after the call; the outputs become "
                        + "assets. Contributors and above. Dry run it first and show the person the job it would "
                        + "queue; then follow it with get_render_job.",
                Toolset.CONTENT, Role.CONTRIBUTOR, CreateInput.class, RenderJobView.class,
                input -> jobs.create(input.toDraft()));
    }

    @Bean
    AssistantTool getRenderJobTool(RenderJobs jobs) {
        return AssistantTool.reading("get_render_job", "Get a render job",
                "Answers one render job by its id: its status (QUEUED, RUNNING, PUBLISHED when done, FAILED or "
                        + "CANCELLED), progress, outputs (asset ids), error, retries, params and logs. Use it to follow a job "
                        + "create_render_job queued.",
                Toolset.CONTENT, GetInput.class, RenderJobView.class, input -> jobs.get(input.id()));
    }
}
