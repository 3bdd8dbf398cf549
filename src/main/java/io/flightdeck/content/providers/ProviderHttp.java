package io.flightdeck.content.providers;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.flightdeck.content.GenerationFailedException;

/**
 * Sends a provider request with the retries the providers ask for: 429, 500, 502, 503, 504 and Anthropic's 529
 * (overloaded), and a refused connection, are tried again up to {@link #RETRIES} times, waiting what
 * {@code Retry-After} says (seconds or an HTTP date) or else an exponential back-off with jitter. A server asking for
 * more than {@link #MAX_WAIT} is not waited for: the person who asked is told instead. A timeout is not retried.
 */
public class ProviderHttp {

    static final int RETRIES = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Duration BASE_BACKOFF = Duration.ofMillis(500);
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504, 529);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The answer and how many attempts it took. */
    record Sent(HttpResponse<String> response, int attempts, long latencyMillis) {
    }

    private final HttpClient client;
    private final Sleeper sleeper;
    private final Clock clock;

    public ProviderHttp(HttpClient client, Sleeper sleeper, Clock clock) {
        this.client = client;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public static ProviderHttp standard(Clock clock) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new ProviderHttp(client, d -> Thread.sleep(d.toMillis()), clock);
    }

    Sent send(HttpRequest request, String provider) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                throw new GenerationFailedException("timeout", provider + " did not answer within "
                        + request.timeout().map(t -> t.toSeconds() + " s").orElse("the time allowed"), e);
            } catch (ConnectException e) {
                if (attempt > RETRIES) {
                    throw new GenerationFailedException("provider-unavailable", provider + " could not be reached at "
                            + request.uri().getHost() + " after " + attempt + " attempts", e);
                }
                pause(backoff(attempt), provider);
                continue;
            } catch (IOException e) {
                throw new GenerationFailedException("provider-unavailable", provider + " broke off the answer: "
                        + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GenerationFailedException("provider-unavailable", "Stopped while waiting for " + provider, e);
            }
            int status = response.statusCode();
            if (!RETRYABLE.contains(status) || attempt > RETRIES) {
                return new Sent(response, attempt, (System.nanoTime() - started) / 1_000_000);
            }
            Duration wait = retryAfter(response).orElse(backoff(attempt));
            if (wait.compareTo(MAX_WAIT) > 0) {
                throw new GenerationFailedException(status == 429 ? "rate-limited" : "provider-unavailable", provider
                        + " asks to wait " + wait.toSeconds() + " s before trying again; try again later");
            }
            pause(wait, provider);
        }
    }

    private java.util.Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("retry-after").flatMap(value -> {
            String v = value.strip();
            try {
                return java.util.Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration d = Duration.between(clock.instant(), at);
                    return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notADate) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    /** 0.5, 1, 2 s ... with up to a quarter added at random, so clients that failed together do not retry together. */
    static Duration backoff(int attempt) {
        long base = BASE_BACKOFF.toMillis() << (attempt - 1);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 4 + 1));
    }

    private void pause(Duration wait, String provider) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationFailedException("provider-unavailable", "Stopped while waiting for " + provider, e);
        }
    }
}
