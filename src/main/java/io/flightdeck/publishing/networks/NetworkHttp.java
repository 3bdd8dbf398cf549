package io.flightdeck.publishing.networks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.flightdeck.publishing.ChannelException;
import io.flightdeck.publishing.ChannelException.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP call to a network's API, its answer mapped to what the scheduler acts on: a 2xx's JSON and headers, or a
 * {@link ChannelException} of the right kind. A call that creates something and gets no answer (a timeout, a dropped
 * connection) is an unknown outcome, never a plain retry: the scheduler asks the network before anything is resent.
 * No retries here; the scheduler retries with its own pauses and the network's Retry-After.
 */
public class NetworkHttp {

    private final String network;
    private final HttpClient client;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    public NetworkHttp(String network, HttpClient client, Duration timeout, Clock clock) {
        this.network = network;
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A request with the call's timeout, asking for JSON, with the bearer token when there is one. */
    public HttpRequest.Builder request(URI uri, String bearerToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        return builder;
    }

    public JsonMapper json() {
        return json;
    }

    /** An answer: its status, headers and JSON (an empty object when the body was empty). */
    public record Answer(int status, HttpHeaders headers, JsonNode body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** A call that only reads, or that the network deduplicates: a timeout can simply be tried again. */
    public Answer read(HttpRequest request) {
        return call(request, false);
    }

    /** A call that creates something: without an answer nobody knows whether it did. */
    public Answer write(HttpRequest request) {
        return call(request, true);
    }

    private Answer call(HttpRequest request, boolean creates) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ChannelException(creates ? Kind.UNKNOWN_OUTCOME : Kind.RETRYABLE, "network-timeout",
                    network + " did not answer within " + timeout.toSeconds() + " s.", null, e);
        } catch (IOException e) {
            // a refused connection never reached the network; anything later might have
            boolean neverSent = e instanceof java.net.ConnectException;
            throw new ChannelException(creates && !neverSent ? Kind.UNKNOWN_OUTCOME : Kind.RETRYABLE,
                    "network-unavailable", network + " could not be reached (" + e.getClass().getSimpleName() + ").",
                    null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(creates ? Kind.UNKNOWN_OUTCOME : Kind.RETRYABLE, "network-unavailable",
                    "Stopped while waiting for " + network + ".", null, e);
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(status, response.headers(), body);
        }
        throw refusal(status, response.headers(), body);
    }

    /** What a non-2xx answer means; adapters refine it with the network's own error codes before calling this. */
    public ChannelException refusal(int status, HttpHeaders headers, JsonNode body) {
        String detail = detail(body);
        return switch (status) {
            case 401 -> new ChannelException(Kind.UNAUTHORIZED, "token-rejected", network
                    + " no longer accepts this account's token: connect the account again. (" + detail + ")");
            case 429 -> new ChannelException(Kind.RATE_LIMITED, "rate-limited", network
                    + " asks to slow down: " + detail, retryAfter(headers).orElse(null), null);
            default -> status >= 500
                    ? new ChannelException(Kind.RETRYABLE, "network-error", network + " failed (" + status + "): " + detail)
                    : new ChannelException(Kind.REFUSED, "refused", network + " refused the post (" + status + "): "
                            + detail);
        };
    }

    /** Retry-After in seconds, or a reset time in epoch seconds (X's {@code x-rate-limit-reset}). */
    public Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<Duration> after = headers.firstValue("retry-after").flatMap(NetworkHttp::seconds);
        if (after.isPresent()) {
            return after;
        }
        return headers.firstValue("x-rate-limit-reset").flatMap(v -> {
            try {
                Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(v.strip())));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Duration> seconds(String v) {
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v.strip()) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode().put("message", body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** The network's words for what went wrong, from the usual fields of an error body. */
    public static String detail(JsonNode body) {
        for (String field : new String[] {"detail", "error_description", "message", "title", "error"}) {
            JsonNode value = body.get(field);
            if (value != null && !value.isNull()) {
                return value.isString() ? value.asString() : value.toString();
            }
        }
        JsonNode errors = body.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            return detail(errors.get(0));
        }
        return "no details";
    }
}
