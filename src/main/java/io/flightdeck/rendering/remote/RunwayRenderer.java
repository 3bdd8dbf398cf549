package io.flightdeck.rendering.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.rendering.RenderMaterial;
import io.flightdeck.rendering.RenderProvider;
import io.flightdeck.rendering.RenderProviderException;
import io.flightdeck.rendering.RenderRequest;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    private final RunwayProperties properties;
    private final RemoteApi api;

    @Autowired
    RunwayRenderer(RunwayProperties properties) {
        this(properties, RemoteApi.defaultClient());
    }

    RunwayRenderer(RunwayProperties properties, HttpClient client) {
        this.properties = properties;
        this.api = new RemoteApi("Runway", client, properties.timeout(), JsonMapper.builder().build());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Runway";
    }

    @Override
    public boolean canRender(RenderType type) {
        return type == RenderType.VIDEO;
    }

    @Override
    public String defaultModel(RenderType type) {
        return properties.model();
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
        ObjectNode body = api.json().createObjectNode();
        body.put("model", request.model());
        body.put("promptImage", dataUri(m.images().get(0)));
        String prompt = request.param("prompt") != null ? request.param("prompt") : m.headline();
        if (prompt != null && !prompt.isBlank()) {
            body.put("promptText", prompt.length() > 1000 ? prompt.substring(0, 1000) : prompt);
        }
        body.put("ratio", request.param("ratio") == null ? "1280:720" : request.param("ratio"));
        body.put("duration", request.intParam("duration") == null ? 5 : request.intParam("duration"));
        if (request.params().get("seed") instanceof Number seed) {
            body.put("seed", seed.longValue());
        }
        JsonNode task = api.call(authorized(properties.baseUrl().resolve("/v1/image_to_video"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(api.json().writeValueAsString(body))).build());
        return Submission.started(task.path("id").asString());
    }

    @Override
    public ProviderStatus poll(String providerJobId) {
        JsonNode task = api.call(authorized(properties.baseUrl().resolve("/v1/tasks/" + providerJobId)).GET().build());
        String status = task.path("status").asString("");
        return switch (status) {
            case "PENDING", "THROTTLED" -> ProviderStatus.running(0, 100, null, List.of("Runway: " + status.toLowerCase()
                    + ", waiting for a worker"));
            case "RUNNING" -> ProviderStatus.running((int) Math.round(task.path("progress").asDouble(0) * 100), 100, null,
                    List.of("Runway: running"));
            case "SUCCEEDED" -> {
                JsonNode output = task.path("output");
                if (!output.isArray() || output.isEmpty()) {
                    yield ProviderStatus.failed("no-output", "Runway finished without a video", true, List.of());
                }
                URI uri = URI.create(output.get(0).asString());
                yield ProviderStatus.succeeded(List.of(new Output(Output.Role.PRIMARY, "video", "runway-"
                        + providerJobId + ".mp4", api.download(uri, null))), List.of("Runway: succeeded"));
            }
            case "CANCELLED" -> ProviderStatus.cancelled(List.of("Runway: cancelled"));
            case "FAILED" -> {
                String code = task.path("failureCode").asString("");
                // a refused input or a safety stop meets the same fate again; an internal error may not
                boolean retryable = !(code.startsWith("SAFETY") || code.startsWith("INPUT_PREPROCESSING"));
                yield ProviderStatus.failed(code.isBlank() ? "provider-failed" : code.toLowerCase().replace('_', '-')
                        .replace('.', '-'), "Runway: " + task.path("failure").asString("the task failed"), retryable,
                        List.of());
            }
            default -> throw new RenderProviderException("provider-refused", "Runway answered an unknown status “"
                    + status + "”", true);
        };
    }

    @Override
    public void cancel(String providerJobId) {
        api.call(authorized(properties.baseUrl().resolve("/v1/tasks/" + providerJobId)).DELETE().build());
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

    private HttpRequest.Builder authorized(URI uri) {
        return api.request(uri).header("Authorization", "Bearer " + properties.apiKey())
                .header("X-Runway-Version", properties.apiVersion());
    }
}
