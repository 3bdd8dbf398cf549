package io.flightdeck.publishing.networks.x;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.networks.NetworkCalls;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.http.HttpHeaders;

/**
 * X's API v2 on the outbound-call kit, with X's own error bodies read: a duplicate is its own refusal, an invalid
 * request says which field in X's words (its {@code errors[0].message}) rather than its generic sentence about
 * invalid parameters, and a post refused for the account's daily cap waits for the day's reset,
 * not the 15-minute window's.
 */
class XApi extends NetworkCalls {

    /**
     * Where X says what went wrong: its invalid-request problem puts a generic sentence in {@code detail} and the
     * useful one in {@code errors[0].message}; other problems say it in {@code detail}.
     */
    static final String[] ERROR_TEXT = {"/errors/0/message", "/detail", "/errors/0/detail", "/errors/0/title",
            "/error_description", "/message", "/title", "/error"};

    private final URI base;
    private final Clock clock;

    XApi(XProperties properties, Clock clock) {
        super(OutboundClient.to("X").readTimeout(properties.timeout()).followRedirects().errorText(ERROR_TEXT)
                .clock(clock).build());
        this.base = properties.apiUrl();
        this.clock = clock;
    }

    /** {@code pathAndQuery} (already encoded) on the API host. */
    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** A read with the account's token; null when X answered without a body. */
    <T> T get(String pathAndQuery, String token, Class<T> answer) {
        return read(rest -> rest.get().uri(uri(pathAndQuery)).headers(h -> h.setBearerAuth(token)).retrieve()
                .body(answer));
    }

    /** A JSON POST that creates nothing anyone sees (an upload step): a timeout is simply tried again. */
    <T> T post(String path, String token, Object body, Class<T> answer) {
        return read(rest -> rest.post().uri(uri(path)).headers(h -> h.setBearerAuth(token)).body(body).retrieve()
                .body(answer));
    }

    /** A JSON POST that creates a post: without an answer it is an unknown outcome. */
    <T> T create(String path, String token, Object body, Class<T> answer) {
        return write(rest -> rest.post().uri(uri(path)).headers(h -> h.setBearerAuth(token)).body(body).retrieve()
                .body(answer));
    }

    @Override
    protected ChannelException refusal(OutboundException e) {
        String words = detail(e);
        int status = e.status();
        if (status == 403 && words.toLowerCase(Locale.ROOT).contains("duplicate")) {
            return new ChannelException(Kind.REFUSED, "duplicate", "X refused the post because this account already "
                    + "posted the same text: change the text, then schedule it again. (" + words + ")", null, e);
        }
        if (status == 400 || status == 403) {
            return new ChannelException(Kind.REFUSED, "refused", "X refused it (" + status + "): " + words, null, e);
        }
        if (status == 429) {
            return new ChannelException(Kind.RATE_LIMITED, "rate-limited", "X asks to slow down: " + words,
                    wait(e).orElse(null), e);
        }
        return super.refusal(e);
    }

    /**
     * Creating posts also has a daily cap per user and per app. X reports it in {@code x-user-limit-24hour-*} and
     * {@code x-app-limit-24hour-*} headers on {@code POST /2/tweets} (seen on its answers, not on the rate-limit page);
     * when one of them is spent, its reset is the one that counts. Otherwise Retry-After, or the 15-minute window's
     * reset in {@code x-rate-limit-reset} (epoch seconds), which is what X usually sends.
     */
    private Optional<Duration> wait(OutboundException e) {
        HttpHeaders headers = e.headers();
        for (String cap : new String[] {"x-user-limit-24hour", "x-app-limit-24hour"}) {
            String remaining = headers.getFirst(cap + "-remaining");
            if (remaining != null && remaining.strip().equals("0")) {
                Optional<Duration> untilReset = until(headers.getFirst(cap + "-reset"));
                if (untilReset.isPresent()) {
                    return untilReset;
                }
            }
        }
        return e.retryAfter().or(() -> until(headers.getFirst("x-rate-limit-reset")));
    }

    private Optional<Duration> until(String epochSeconds) {
        if (epochSeconds == null) {
            return Optional.empty();
        }
        try {
            Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip())));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
