package io.flightdeck.rendering.remote;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.rendering.jobs.RenderProvider;
import io.flightdeck.rendering.jobs.RenderProviderException;
import io.flightdeck.rendering.jobs.RenderRequest;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.outbound.OutboundClient;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Replicate's predictions API for image models (Stable Diffusion, Flux): a prediction per attempt, polled until it
 * ends, or woken by Replicate's signed webhook when this installation has a public address. The webhook URL carries
 * the attempt's idempotency key, which is how a prediction sent just before a crash is found again in the account's
 * list instead of being sent twice.
 */
@Component
class ReplicateRenderer implements RenderProvider {

    static final String NAME = "replicate";
    static final String JOB_MARKER = "flightdeck_job";
    private static final int LOOKUP_PAGES = 3;
    /** tqdm's progress line: " 45%|████▌     | 23/50 [00:03<00:04,  6.12it/s]". */
    private static final Pattern PROGRESS = Pattern.compile("(\\d+)/(\\d+) \\[[\\d:]+<(\\d+):(\\d+)");

    private final ReplicateProperties properties;
    private final ProviderCalls api;
    private final ReplicateSignature signature;

    ReplicateRenderer(ReplicateProperties properties, Clock clock) {
        this.properties = properties;
        this.api = new ProviderCalls(OutboundClient.to("Replicate").readTimeout(properties.timeout()).followRedirects()
                .errorText("/detail", "/error", "/message", "/title").clock(clock).build());
        this.signature = new ReplicateSignature(properties.webhookSecret(), properties.webhookTolerance(), clock);
    }

    @Override
    public About about() {
        return new About(NAME, "Replicate", RenderType.IMAGE, properties.model(), false);
    }

    @Override
    public boolean available() {
        return properties.apiToken() != null && !properties.apiToken().isBlank();
    }

    /** A prompt, or a creative whose headline becomes one; outputs 1–4. */
    @Override
    public Map<String, Object> checkParams(RenderType type, Map<String, Object> params) {
        Object outputs = params.get("outputs");
        if (outputs != null && (!(outputs instanceof Number n) || n.intValue() < 1 || n.intValue() > 4)) {
            throw new InvalidInputException("params.outputs", "from 1 to 4 images");
        }
        return params;
    }

    @Override
    public Submission submit(RenderRequest request) {
        String model = request.model();
        URI endpoint;
        String version = null;
        int colon = model.indexOf(':');
        if (colon > 0) {
            endpoint = properties.baseUrl().resolve("/v1/predictions");
            version = model.substring(colon + 1);
        } else if (model.matches("[\\w.-]+/[\\w.-]+")) {
            endpoint = properties.baseUrl().resolve("/v1/models/" + model + "/predictions");
        } else {
            throw new RenderProviderException("provider-refused", "“" + model + "” is not a Replicate model "
                    + "(owner/name or owner/name:version)", false);
        }
        boolean webhook = request.webhookUrl() != null;
        var body = new ReplicatePrediction.Request(version, input(request), webhook ? webhook(request) : null,
                webhook ? List.of("start", "completed") : null);
        URI target = endpoint;
        ReplicatePrediction prediction = api.call(rest -> rest.post().uri(target).headers(this::authorized)
                .header("Idempotency-Key", request.idempotencyKey()).body(body).retrieve()
                .body(ReplicatePrediction.class));
        return Submission.started(prediction == null || prediction.id() == null ? "" : prediction.id());
    }

    @Override
    public ProviderStatus poll(String providerJobId) {
        URI uri = properties.baseUrl().resolve("/v1/predictions/" + providerJobId);
        ReplicatePrediction prediction = api.call(rest -> rest.get().uri(uri).headers(this::authorized).retrieve()
                .body(ReplicatePrediction.class));
        return status(prediction == null ? new ReplicatePrediction(null, null, null, null, null, null) : prediction);
    }

    @Override
    public void cancel(String providerJobId) {
        URI uri = properties.baseUrl().resolve("/v1/predictions/" + providerJobId + "/cancel");
        api.call(rest -> rest.post().uri(uri).headers(this::authorized).retrieve().toBodilessEntity());
    }

    @Override
    public boolean canLookUpSubmissions() {
        return true;
    }

    /**
     * The prediction whose webhook URL carries this attempt's key, among the account's newest. Without a webhook the
     * key went nowhere Replicate keeps, so the answer would be a guess: that is refused instead.
     */
    @Override
    public Optional<String> findSubmission(RenderRequest request) {
        if (request.webhookUrl() == null) {
            throw new RenderProviderException("submission-unconfirmed", "The application stopped while sending this "
                    + "job to Replicate, and without a webhook address Replicate cannot be asked whether it arrived, so "
                    + "it was not sent again. Check Replicate's dashboard, then submit the job again.", false);
        }
        String marker = JOB_MARKER + "=" + URLEncoder.encode(request.idempotencyKey(), StandardCharsets.UTF_8);
        URI page = properties.baseUrl().resolve("/v1/predictions");
        for (int i = 0; i < LOOKUP_PAGES && page != null; i++) {
            URI uri = page;
            ReplicatePrediction.Page list = api.call(rest -> rest.get().uri(uri).headers(this::authorized).retrieve()
                    .body(ReplicatePrediction.Page.class));
            if (list == null) {
                break;
            }
            for (ReplicatePrediction prediction : list.results()) {
                if (prediction.webhook() != null && prediction.webhook().contains(marker)) {
                    return Optional.of(prediction.id());
                }
            }
            page = list.next() == null || list.next().isBlank() ? null : URI.create(list.next());
        }
        return Optional.empty();
    }

    @Override
    public Optional<WebhookUpdate> handleWebhook(Map<String, String> headers, byte[] body) {
        signature.verify(headers, body);
        ReplicatePrediction prediction;
        try {
            prediction = OutboundClient.jsonMapper().readValue(body, ReplicatePrediction.class);
        } catch (RuntimeException e) {
            throw new RenderProviderException("provider-refused", "The webhook's body is not a prediction", false);
        }
        if (prediction == null || prediction.id() == null || prediction.id().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new WebhookUpdate(headers.get("webhook-id"), prediction.id(), status(prediction)));
    }

    /** Replicate's prediction status as the runner's. */
    ProviderStatus status(ReplicatePrediction prediction) {
        List<String> lines = logLines(prediction.logs() == null ? "" : prediction.logs());
        // progress bars are shown as progress; only the other lines go to the job's log
        List<String> logs = lines.stream().filter(l -> !PROGRESS.matcher(l).find()).toList();
        String status = prediction.status() == null ? "" : prediction.status();
        return switch (status) {
            case "starting", "processing" -> {
                Matcher m = null;
                for (int i = lines.size() - 1; i >= 0 && m == null; i--) {
                    Matcher candidate = PROGRESS.matcher(lines.get(i));
                    if (candidate.find()) {
                        m = candidate;
                    }
                }
                yield m == null ? ProviderStatus.running(null, null, null, logs)
                        : ProviderStatus.running(Integer.valueOf(m.group(1)), Integer.valueOf(m.group(2)),
                                Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4)), logs);
            }
            case "succeeded" -> ProviderStatus.succeeded(outputs(prediction.output()), logs);
            case "canceled" -> ProviderStatus.cancelled(logs);
            case "failed" -> {
                String error = prediction.error() == null ? "Replicate reported a failure" : prediction.error();
                yield ProviderStatus.failed("provider-failed", "Replicate: " + error, retryable(error), logs);
            }
            default -> throw new RenderProviderException("provider-refused", "Replicate answered an unknown status “"
                    + status + "”", true);
        };
    }

    /**
     * Whether submitting again could succeed: not when the model refused the input (validation, a safety filter),
     * which the same input will meet again; yes for anything else (out of memory, a lost worker, a timeout).
     */
    static boolean retryable(String error) {
        String e = error.toLowerCase();
        return !(e.contains("nsfw") || e.contains("safety") || e.contains("invalid") || e.contains("validation")
                || e.contains("must be") || e.contains("not allowed"));
    }

    private List<Output> outputs(List<String> urls) {
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            URI uri = URI.create(urls.get(i));
            String path = uri.getPath() == null ? "" : uri.getPath();
            String file = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
            if (file.isBlank()) {
                file = "replicate-" + i + ".png";
            }
            // the API host gets the token; the file host (replicate.delivery) needs none and must not see it
            boolean apiHost = properties.baseUrl().getHost().equalsIgnoreCase(uri.getHost());
            outputs.add(new Output(i == 0 ? Output.Role.PRIMARY : Output.Role.VARIANT, "output " + (i + 1), file,
                    api.download(uri, apiHost ? properties.apiToken() : null)));
        }
        return outputs;
    }

    private ReplicatePrediction.Input input(RenderRequest request) {
        String prompt = request.param("prompt");
        if (prompt == null || prompt.isBlank()) {
            var m = request.material();
            prompt = String.join(". ", Arrays.stream(new String[] {m.headline(), m.caption()})
                    .filter(s -> s != null && !s.isBlank()).toList());
        }
        if (prompt.isBlank()) {
            throw new RenderProviderException("prompt-required", "Replicate needs a prompt: give the job one, or the "
                    + "creative a headline.", false);
        }
        Map<String, Object> p = request.params();
        return new ReplicatePrediction.Input(prompt, value(p.get("negativePrompt")), value(p.get("seed")),
                value(p.get("width")), value(p.get("height")), value(p.get("steps")), value(p.get("aspectRatio")),
                request.intParam("outputs") == null ? 1 : request.intParam("outputs"),
                request.param("format") == null ? "png" : request.param("format"));
    }

    /** A job's parameter as the model takes it: a whole number, or text. */
    private static Object value(Object param) {
        if (param instanceof Number n) {
            return n.longValue();
        }
        return param == null ? null : String.valueOf(param);
    }

    private String webhook(RenderRequest request) {
        String url = request.webhookUrl().toString();
        return url + (url.contains("?") ? "&" : "?") + JOB_MARKER + "="
                + URLEncoder.encode(request.idempotencyKey(), StandardCharsets.UTF_8);
    }

    private void authorized(HttpHeaders headers) {
        headers.setBearerAuth(properties.apiToken());
    }

    private static List<String> logLines(String logs) {
        return logs.isBlank() ? List.of() : Arrays.stream(logs.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
