package io.flightdeck.rendering.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import io.flightdeck.rendering.RenderProvider.OutputSource;
import io.flightdeck.rendering.RenderProviderException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP call to a render provider's JSON API, its answer mapped to what the job runner acts on: a 2xx's JSON, or a
 * {@link RenderProviderException} that says whether trying again could help. No retries here: the runner retries
 * with its own back-off (and a 429's Retry-After), so a slow provider never holds a scheduler thread.
 */
class RemoteApi {

    private final String provider;
    private final HttpClient client;
    private final Duration timeout;
    private final JsonMapper json;

    RemoteApi(String provider, HttpClient client, Duration timeout, JsonMapper json) {
        this.provider = provider;
        this.client = client;
        this.timeout = timeout;
        this.json = json;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    JsonMapper json() {
        return json;
    }

    /** The answer's JSON (an empty object for a 204); anything else as a provider failure. */
    JsonNode call(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new RenderProviderException("provider-timeout", provider + " did not answer within "
                    + timeout.toSeconds() + " s", true, null, e);
        } catch (IOException e) {
            throw new RenderProviderException("provider-unavailable", provider + " could not be reached: "
                    + e.getClass().getSimpleName(), true, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderProviderException("provider-unavailable", "Stopped while waiting for " + provider, true, null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body() == null || response.body().isBlank() ? json.createObjectNode()
                    : json.readTree(response.body());
        }
        String detail = detail(response.body());
        switch (status) {
            case 401, 403 -> throw new RenderProviderException("provider-auth", provider + " refused the API token ("
                    + status + "): " + detail, false);
            case 404 -> throw new RenderProviderException("provider-job-missing", provider + " does not know this job ("
                    + status + "): " + detail, false);
            case 429 -> throw new RenderProviderException("rate-limited", provider + " asks to slow down: " + detail, true,
                    retryAfter(response).orElse(Duration.ofSeconds(10)), null);
            default -> {
                if (status >= 500) {
                    throw new RenderProviderException("provider-unavailable", provider + " failed (" + status + "): "
                            + detail, true);
                }
                throw new RenderProviderException("provider-refused", provider + " refused the request (" + status
                        + "): " + detail, false);
            }
        }
    }

    /** An output file: fetched when the runner stores it, streamed, never held in memory whole. */
    OutputSource download(URI uri, String bearerToken) {
        return () -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout.multipliedBy(10)).GET();
            if (bearerToken != null) {
                builder.header("Authorization", "Bearer " + bearerToken);
            }
            try {
                HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException(provider + " answered " + response.statusCode() + " for the output " + uri);
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Stopped while downloading from " + provider, e);
            }
        };
    }

    private String detail(String body) {
        if (body == null || body.isBlank()) {
            return "no details";
        }
        try {
            JsonNode node = json.readTree(body);
            for (String field : new String[] {"detail", "error", "message"}) {
                if (node.hasNonNull(field)) {
                    return node.get(field).isString() ? node.get(field).asString() : node.get(field).toString();
                }
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw text
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("retry-after").flatMap(v -> {
            try {
                return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v.strip()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
