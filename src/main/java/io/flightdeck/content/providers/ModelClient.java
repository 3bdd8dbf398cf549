package io.flightdeck.content.providers;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.flightdeck.content.generation.GenerationFailedException;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;

/**
 * A thin client for the two protocols ({@link AnthropicMessages}, {@link ChatCompletions}) on the outbound-call kit.
 * Spring AI 2.0 builds a model per configured key and retries on its own terms; here every workspace brings its own
 * endpoint, key and model per call, and the retries must follow {@code Retry-After} and map each failure to a message a
 * marketer can act on. Keys never appear in messages.
 * <p>
 * Retries: 429, 500, 502, 503, 504 and Anthropic's 529 (overloaded), and a provider that could not be reached, are
 * tried again up to {@link #RETRIES} times, waiting what {@code Retry-After} says or else an exponential back-off with
 * jitter. A provider asking for more than {@link #MAX_WAIT} is not waited for: the person who asked is told instead. A
 * timeout is not retried: the person has waited long enough.
 */
class ModelClient {

    static final int RETRIES = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Duration BASE_BACKOFF = Duration.ofMillis(500);
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504, 529);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final OutboundClient http;
    private final Sleeper sleeper;
    /** One client per timeout a call asks for (in practice one), sharing the connection pool. */
    private final Map<Duration, OutboundClient> byTimeout = new ConcurrentHashMap<>();

    public ModelClient(Sleeper sleeper, Clock clock) {
        // redirects are not followed: a key must not travel to wherever a provider's address points
        this.http = OutboundClient.to("LLM provider").errorText("/error/message", "/error").clock(clock).build();
        this.sleeper = sleeper;
    }

    public static ModelClient standard(Clock clock) {
        return new ModelClient(d -> Thread.sleep(d.toMillis()), clock);
    }

    public ModelAnswer complete(ModelCall call) {
        OutboundClient client = byTimeout.computeIfAbsent(call.timeout(), http::withReadTimeout);
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            ModelAnswer answer;
            try {
                answer = call.kind() == ProviderKind.ANTHROPIC ? AnthropicMessages.send(client, call)
                        : ChatCompletions.send(client, call);
            } catch (OutboundException e) {
                pause(retryAfter(call, e, attempt), call);
                continue;
            }
            if (answer.text() == null || answer.text().isBlank()) {
                throw new GenerationFailedException("empty-answer", call.name() + " answered without any text"
                        + (answer.stopReason() == null ? "" : " (" + answer.stopReason() + ")"));
            }
            return new ModelAnswer(answer.text(), answer.model(), answer.inputTokens(), answer.outputTokens(),
                    (System.nanoTime() - started) / 1_000_000, answer.stopReason(), attempt);
        }
    }

    /** How long to wait before the next attempt, or the failure to tell the person when there is none. */
    private Duration retryAfter(ModelCall call, OutboundException e, int attempt) {
        String host = call.baseUrl().getHost();
        switch (e.kind()) {
            case TIMEOUT -> throw new GenerationFailedException("timeout", call.name() + " did not answer within "
                    + call.timeout().toSeconds() + " s", e);
            case UNANSWERED -> throw new GenerationFailedException("provider-unavailable", call.name()
                    + " broke off the answer", e);
            case MALFORMED_ANSWER -> throw new GenerationFailedException("malformed-answer", call.name()
                    + " answered with something that is not JSON in the shape it documents", e);
            case UNREACHABLE -> {
                if (attempt > RETRIES) {
                    throw new GenerationFailedException("provider-unavailable", call.name() + " could not be reached at "
                            + host + " after " + attempt + " attempts", e);
                }
                return backoff(attempt);
            }
            default -> {
                if (!RETRYABLE.contains(e.status()) || attempt > RETRIES) {
                    throw refusal(call, e);
                }
                Duration wait = e.retryAfter().orElse(backoff(attempt));
                if (wait.compareTo(MAX_WAIT) > 0) {
                    throw new GenerationFailedException(e.status() == 429 ? "rate-limited" : "provider-unavailable",
                            call.name() + " asks to wait " + wait.toSeconds() + " s before trying again; try again later",
                            e);
                }
                return wait;
            }
        }
    }

    private static GenerationFailedException refusal(ModelCall call, OutboundException e) {
        int status = e.status();
        String detail = e.serviceText().map(said -> ": " + said).orElse("");
        if (status == 401 || status == 403) {
            return new GenerationFailedException("auth-failed", call.name() + " refused the API key (" + status + ")"
                    + detail + ". An admin can check the key in the provider settings", e);
        }
        if (status == 429) {
            return new GenerationFailedException("rate-limited", call.name() + " is limiting requests" + detail
                    + "; try again in a minute", e);
        }
        if (status >= 500) {
            return new GenerationFailedException("provider-unavailable", call.name() + " is not answering (" + status
                    + ")" + detail, e);
        }
        return new GenerationFailedException("bad-request", call.name() + " refused the request (" + status + ")"
                + detail, e);
    }

    static GenerationFailedException malformed(ModelCall call, String what) {
        return new GenerationFailedException("malformed-answer", call.name() + " answered in a shape we cannot read ("
                + what + ")");
    }

    /** 0.5, 1, 2 s ... with up to a quarter added at random, so clients that failed together do not retry together. */
    static Duration backoff(int attempt) {
        long base = BASE_BACKOFF.toMillis() << (attempt - 1);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 4 + 1));
    }

    private void pause(Duration wait, ModelCall call) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationFailedException("provider-unavailable", "Stopped while waiting for " + call.name(), e);
        }
    }
}
