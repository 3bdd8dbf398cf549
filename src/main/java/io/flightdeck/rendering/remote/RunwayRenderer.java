package io.flightdeck.rendering.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.rendering.jobs.RenderMaterial;
import io.flightdeck.rendering.jobs.RenderProvider;
import io.flightdeck.rendering.jobs.RenderProviderException;
import io.flightdeck.rendering.jobs.RenderRequest;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.outbound.OutboundClient;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Runway's API for video (image to video): a task per attempt, polled until it ends, its output downloaded. The
 * creative's image goes as a data URI, so a laptop without a public address can use Runway too. Runway sends no
 * webhooks and cannot be asked for a task by our key, so a submission interrupted by a crash fails the job with that
 * reason rather than being sent twice.
 */
@Component
class RunwayRenderer implements RenderProvider {

    static final String NAME = "runway";
    /** gen4_turbo's ratios, as Runway documents them. */
    static final Set<String> RATIOS = Set.of("1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672");
    /** Runway takes data URIs up to 5 MB; base64 grows a file by a third. */
    private static final long MAX_IMAGE_BYTES = 3_700_000;

    /** {@code POST /v1/image_to_video}. */
    record ImageToVideo(String model, String promptImage, String promptText, String ratio, int duration, Long seed) {
    }

    /**
     * A task ({@code GET /v1/tasks/{id}}): {@code PENDING}, {@code THROTTLED}, {@code RUNNING} (with progress from 0
     * to 1), {@code SUCCEEDED} (with its output addresses), {@code FAILED} or {@code CANCELLED}.
     */
    record Task(String id, String status, Double progress, List<String> output, String failure, String failureCode) {
    }

    private final RunwayProperties properties;
    private final ProviderCalls api;

    RunwayRenderer(RunwayProperties properties) {
        this.properties = properties;
        this.api = new ProviderCalls(OutboundClient.to("Runway").readTimeout(properties.timeout()).followRedirects()
                .errorText("/detail", "/error", "/message", "/title").build());
    }

    @Override
    public About about() {
        return new About(NAME, "Runway", RenderType.VIDEO, properties.model(), false);
    }

    @Override
    public boolean available() {
        return properties.apiKey() != null && !properties.apiKey().isBlank();
    }

    /** duration 5 or 10 seconds (default 5), ratio one of gen4_turbo's (default 1280:720). */
    @Override
    public Map<String, Object> checkParams(RenderType type, Map<String, Object> params) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(params);
        p.putIfAbsent("duration", 5);
        p.putIfAbsent("ratio", "1280:720");
        if (!(p.get("duration") instanceof Number n) || (n.intValue() != 5 && n.intValue() != 10)) {
            throw new InvalidInputException("params.duration", "Runway makes videos of 5 or 10 seconds");
        }
        if (!RATIOS.contains(String.valueOf(p.get("ratio")))) {
            throw new InvalidInputException("params.ratio", "one of " + RATIOS.stream().sorted().toList());
        }
        return p;
    }

    @Override
    public Submission submit(RenderRequest request) {
        RenderMaterial m = request.material();
        if (m.images().isEmpty()) {
            throw new RenderProviderException("image-required", "Runway makes a video from an image: give the creative "
                    + "an image first.", false);
        }
        String prompt = request.param("prompt") != null ? request.param("prompt") : m.headline();
        ImageToVideo body = new ImageToVideo(request.model(), dataUri(m.images().get(0)),
                prompt == null || prompt.isBlank() ? null : prompt.length() > 1000 ? prompt.substring(0, 1000) : prompt,
                request.param("ratio") == null ? "1280:720" : request.param("ratio"),
                request.intParam("duration") == null ? 5 : request.intParam("duration"),
                request.params().get("seed") instanceof Number seed ? seed.longValue() : null);
        URI uri = properties.baseUrl().resolve("/v1/image_to_video");
        Task task = api.call(rest -> rest.post().uri(uri).headers(this::authorized).body(body).retrieve()
                .body(Task.class));
        return Submission.started(task == null || task.id() == null ? "" : task.id());
    }

    @Override
    public ProviderStatus poll(String providerJobId) {
        URI uri = properties.baseUrl().resolve("/v1/tasks/" + providerJobId);
        Task answer = api.call(rest -> rest.get().uri(uri).headers(this::authorized).retrieve().body(Task.class));
        Task task = answer == null ? new Task(null, null, null, null, null, null) : answer;
        String status = task.status() == null ? "" : task.status();
        return switch (status) {
            case "PENDING", "THROTTLED" -> ProviderStatus.running(0, 100, null, List.of("Runway: " + status.toLowerCase()
                    + ", waiting for a worker"));
            case "RUNNING" -> ProviderStatus.running((int) Math.round((task.progress() == null ? 0 : task.progress())
                    * 100), 100, null, List.of("Runway: running"));
            case "SUCCEEDED" -> {
                if (task.output() == null || task.output().isEmpty()) {
                    yield ProviderStatus.failed("no-output", "Runway finished without a video", true, List.of());
                }
                URI video = URI.create(task.output().get(0));
                yield ProviderStatus.succeeded(List.of(new Output(Output.Role.PRIMARY, "video", "runway-"
                        + providerJobId + ".mp4", api.download(video, null))), List.of("Runway: succeeded"));
            }
            case "CANCELLED" -> ProviderStatus.cancelled(List.of("Runway: cancelled"));
            case "FAILED" -> {
                String code = task.failureCode() == null ? "" : task.failureCode();
                // a refused input or a safety stop meets the same fate again; an internal error may not
                boolean retryable = !(code.startsWith("SAFETY") || code.startsWith("INPUT_PREPROCESSING"));
                yield ProviderStatus.failed(code.isBlank() ? "provider-failed" : code.toLowerCase().replace('_', '-')
                        .replace('.', '-'), "Runway: " + (task.failure() == null ? "the task failed" : task.failure()), retryable,
                        List.of());
            }
            default -> throw new RenderProviderException("provider-refused", "Runway answered an unknown status “"
                    + status + "”", true);
        };
    }

    @Override
    public void cancel(String providerJobId) {
        URI uri = properties.baseUrl().resolve("/v1/tasks/" + providerJobId);
        api.call(rest -> rest.delete().uri(uri).headers(this::authorized).retrieve().toBodilessEntity());
    }

    private String dataUri(RenderMaterial.Media image) {
        try (InputStream in = image.open()) {
            byte[] bytes = in.readNBytes((int) MAX_IMAGE_BYTES + 1);
            if (bytes.length > MAX_IMAGE_BYTES) {
                throw new RenderProviderException("image-too-large", "The image “" + image.name()
                        + "” is over 3.7 MB; Runway takes images up to 5 MB as base64. Use a smaller image.", false);
            }
            String type = image.mimeType() == null ? "image/png" : image.mimeType();
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new RenderProviderException("image-unavailable", "Could not read the image “" + image.name() + "”: "
                    + e.getMessage(), true, null, e);
        }
    }

    private void authorized(HttpHeaders headers) {
        headers.setBearerAuth(properties.apiKey());
        headers.set("X-Runway-Version", properties.apiVersion());
    }
}
