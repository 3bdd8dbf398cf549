package io.flightdeck.shared.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flightdeck.shared.outbound.OutboundException.Kind;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way to call an outside service: Spring's {@link RestClient} over the JDK's HTTP client, one per service, with
 * that service's connect and read timeouts, JSON bodies as records (Jackson), every failure turned into one
 * {@link OutboundException} (status, {@link RetryAfter}, the service's {@link ErrorText}), and one log line per call
 * without secrets ({@link CallLog}). There are no retries here: each module retries on its own terms.
 * <p>
 * Build one per service and keep it (it holds a connection pool), then call through it:
 * <pre>{@code
 * OutboundClient x = OutboundClient.to(name).readTimeout(properties.timeout()).followRedirects()
 *         .errorText(pointers).build();
 * Created created = x.call(rest -> rest.post().uri(uri).headers(h -> h.setBearerAuth(token)).body(create)
 *         .retrieve().body(Created.class));
 * }</pre>
 * Hand RestClient a ready {@link URI} (already encoded): given a string it would encode the percent signs again.
 */
public final class OutboundClient {

    /** How long to wait for a connection when a service names nothing else. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String service;
    private final HttpClient http;
    private final Duration readTimeout;
    private final Duration downloadTimeout;
    private final ErrorText errorText;
    private final Clock clock;
    private final RestClient rest;
    private final CallLog log;

    private final boolean secretPaths;

    private OutboundClient(String service, HttpClient http, Duration readTimeout, Duration downloadTimeout,
            ErrorText errorText, Clock clock, boolean secretPaths) {
        this.service = service;
        this.http = http;
        this.readTimeout = readTimeout;
        this.downloadTimeout = downloadTimeout;
        this.errorText = errorText;
        this.clock = clock;
        this.secretPaths = secretPaths;
        this.log = new CallLog(service, secretPaths);
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(log);
        // JSON whatever the Content-Type says: some services answer JSON as text/plain or with no type at all
        JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter(JSON);
        json.setSupportedMediaTypes(List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"),
                MediaType.ALL));
        this.rest = RestClient.builder().requestFactory(requests).observationRegistry(observations)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .defaultStatusHandler(status -> !status.is2xxSuccessful(),
                        (request, response) -> {
                            throw refusal(response);
                        })
                .configureMessageConverters(converters -> converters.registerDefaults().withJsonConverter(json))
                .build();
    }

    /** Starts the client of one service, named as people know it (it appears in messages and logs). */
    public static Builder to(String service) {
        return new Builder(service);
    }

    /** The mapper of every request and response record: nulls are left out, unknown fields ignored. */
    public static JsonMapper jsonMapper() {
        return JSON;
    }

    public String service() {
        return service;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Runs one call. A non-2xx answer, a timeout, a broken connection or an unreadable body comes out as an
     * {@link OutboundException}; whatever the call returns (a record, a {@code ResponseEntity}) is handed back.
     */
    public <T> T call(Function<RestClient, T> call) {
        try {
            return call.apply(rest);
        } catch (RestClientException e) {
            throw failure(e);
        }
    }

    /**
     * The same service with another read timeout (a call that may take longer than the others). It shares the
     * connection pool.
     */
    public OutboundClient withReadTimeout(Duration timeout) {
        if (timeout.equals(readTimeout)) {
            return this;
        }
        return new OutboundClient(service, http, timeout, downloadTimeout, errorText, clock, secretPaths);
    }

    /**
     * A file, streamed: the caller reads and closes it. It bypasses RestClient because there the read timeout covers
     * the whole body, and a large video outlasts any sensible timeout; here the timeout ends at the first byte.
     *
     * @param headers for example the service's token, when the file lives on the service's own host
     */
    public InputStream download(URI uri, Consumer<HttpHeaders> headers) {
        HttpHeaders extra = new HttpHeaders();
        headers.accept(extra);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(downloadTimeout).GET();
        extra.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            log.write("GET", uri, String.valueOf(response.statusCode()), (System.nanoTime() - started) / 1_000_000,
                    response.statusCode() / 100 == 2);
            int status = response.statusCode();
            if (status / 100 != 2) {
                response.body().close();
                throw new OutboundException(service, Kind.ofStatus(status), status, null, null, null, null,
                        service + " answered " + status + " for a file", null);
            }
            return response.body();
        } catch (IOException e) {
            OutboundException failure = OutboundException.of(service, e, downloadTimeout).orElseThrow();
            log.write("GET", uri, failure.kind().name().toLowerCase(Locale.ROOT), (System.nanoTime() - started) / 1_000_000,
                    false);
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OutboundException.unanswered(service, Kind.UNANSWERED, "Stopped while waiting for " + service, e);
        }
    }

    private OutboundException refusal(ClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        HttpHeaders headers = HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(response.getHeaders()));
        byte[] body;
        try (InputStream in = response.getBody()) {
            body = in.readNBytes(64 * 1024);
        } catch (IOException unreadable) {
            body = new byte[0]; // the status says enough
        }
        String text = errorText.from(body).orElse(null);
        return new OutboundException(service, Kind.ofStatus(status.value()), status.value(),
                RetryAfter.from(headers, clock).orElse(null), text, headers, body,
                service + " answered " + status.value() + (text == null ? "" : ": " + text), null);
    }

    private OutboundException failure(RestClientException e) {
        // without an I/O failure the body was there, but not in the shape of the record
        return OutboundException.of(service, e, readTimeout).orElseGet(() -> OutboundException.unanswered(service,
                Kind.MALFORMED_ANSWER, service + " answered in a shape that could not be read", e));
    }

    /** A service's settings; only the name is required. */
    public static final class Builder {

        private final String service;
        private Duration connectTimeout = CONNECT_TIMEOUT;
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration downloadTimeout;
        private HttpClient.Redirect redirects = HttpClient.Redirect.NEVER;
        private ErrorText errorText = ErrorText.at("/detail", "/error/message", "/message", "/error", "/title");
        private Clock clock = Clock.systemUTC();
        private boolean secretPaths;

        private Builder(String service) {
            this.service = Objects.requireNonNull(service, "service");
        }

        /** How long to wait for a connection; never longer than the read timeout. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** How long one call may wait for its whole answer (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** How long a download may wait for its first byte (default ten read timeouts). */
        public Builder downloadTimeout(Duration timeout) {
            this.downloadTimeout = timeout;
            return this;
        }

        /** Follows redirects (except from https to http); by default a redirect is an answer like any other. */
        public Builder followRedirects() {
            this.redirects = HttpClient.Redirect.NORMAL;
            return this;
        }

        /** Where the service's error bodies keep their words, as JSON pointers ({@link ErrorText}). */
        public Builder errorText(String... pointers) {
            this.errorText = ErrorText.at(pointers);
            return this;
        }

        /** The clock a Retry-After date is measured against. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The addresses' paths are credentials (an incoming webhook's, an endpoint an admin pasted with its token): the
         * log names the host only.
         */
        public Builder secretPaths() {
            this.secretPaths = true;
            return this;
        }

        public OutboundClient build() {
            Duration connect = connectTimeout.compareTo(readTimeout) > 0 ? readTimeout : connectTimeout;
            HttpClient http = HttpClient.newBuilder().connectTimeout(connect).followRedirects(redirects).build();
            return new OutboundClient(service, http, readTimeout,
                    downloadTimeout != null ? downloadTimeout : readTimeout.multipliedBy(10), errorText, clock, secretPaths);
        }
    }
}
