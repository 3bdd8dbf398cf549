package io.flightdeck.publishing.networks.x;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.flightdeck.publishing.ChannelException;
import io.flightdeck.publishing.ChannelException.Kind;
import io.flightdeck.publishing.networks.NetworkHttp;
import tools.jackson.databind.JsonNode;

/**
 * {@link NetworkHttp} for X's API v2, with X's own error bodies read: a duplicate is its own refusal, an invalid
 * request says which field in X's words rather than its generic "One or more parameters to your request was invalid.",
 * and a post refused for the account's daily cap waits for the day's reset, not the 15-minute window's.
 */
class XApi extends NetworkHttp {

    private final URI base;
    private final Clock clock;

    XApi(URI base, HttpClient client, Duration timeout, Clock clock) {
        super("X", client, timeout, clock);
        this.base = base;
        this.clock = clock;
    }

    /** A request to {@code pathAndQuery} (already encoded) on the API host, with the account's token. */
    HttpRequest.Builder request(String pathAndQuery, String token) {
        return request(base.resolve(pathAndQuery), token);
    }

    HttpRequest.Builder json(String path, String token, JsonNode body) {
        return request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json().writeValueAsString(body)));
    }

    @Override
    public ChannelException refusal(int status, HttpHeaders headers, JsonNode body) {
        String words = words(body);
        if (status == 403 && words.toLowerCase(Locale.ROOT).contains("duplicate")) {
            return new ChannelException(Kind.REFUSED, "duplicate", "X refused the post because this account already "
                    + "posted the same text: change the text, then schedule it again. (" + words + ")");
        }
        if (status == 400 || status == 403) {
            return new ChannelException(Kind.REFUSED, "refused", "X refused it (" + status + "): " + words);
        }
        if (status == 429) {
            return new ChannelException(Kind.RATE_LIMITED, "rate-limited", "X asks to slow down: " + words,
                    wait(headers).orElse(null), null);
        }
        return super.refusal(status, headers, body);
    }

    /**
     * Creating posts also has a daily cap per user and per app. X reports it in {@code x-user-limit-24hour-*} and
     * {@code x-app-limit-24hour-*} headers on {@code POST /2/tweets} (seen on its answers, not on the rate-limit page);
     * when one of them is spent, its reset is the one that counts.
     */
    private Optional<Duration> wait(HttpHeaders headers) {
        for (String cap : new String[] {"x-user-limit-24hour", "x-app-limit-24hour"}) {
            if (headers.firstValue(cap + "-remaining").map(String::strip).filter("0"::equals).isPresent()) {
                Optional<Duration> untilReset = headers.firstValue(cap + "-reset").flatMap(this::until);
                if (untilReset.isPresent()) {
                    return untilReset;
                }
            }
        }
        return retryAfter(headers);
    }

    private Optional<Duration> until(String epochSeconds) {
        try {
            Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip())));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * X's words for what went wrong. Its invalid-request problem puts a generic sentence in {@code detail} and the
     * useful one in {@code errors[0].message}; other problems say it in {@code detail}.
     */
    static String words(JsonNode body) {
        JsonNode first = body.path("errors").path(0);
        String message = first.path("message").asString("");
        if (!message.isBlank()) {
            return message;
        }
        String detail = body.path("detail").asString("");
        if (!detail.isBlank()) {
            return detail;
        }
        return first.isObject() ? detail(first) : detail(body);
    }
}
