package io.flightdeck.notifications.slack;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.flightdeck.shared.outbound.OutboundException;

/**
 * A Slack call that did not do its work, in the terms a sender acts on: Slack’s own error code, and whether asking
 * again can help. Slack answers most refusals with HTTP 200 and {@code {“ok”:false,“error”:“…”}}, so the status alone
 * says little; this class reads both. Codes such as {@code invalid_auth}, {@code token_revoked},
 * {@code account_inactive}, {@code channel_not_found}, {@code not_in_channel}, {@code users_not_found},
 * {@code message_not_found} or {@code cant_update_message} are permanent: the same request gets the same answer until a
 * person reconnects the workspace or fixes the channel. Rate limits, Slack’s internal failures, timeouts and broken
 * connections are worth another try, after {@link #retryAfter()} when Slack said how long. The message names the
 * method and the code, never a token, webhook address or message text.
 */
public final class SlackApiException extends RuntimeException {

    /** Slack’s codes for a failure on its side or a request that came too soon: ask again later. */
    static final Set<String> RETRYABLE = Set.of("ratelimited", "rate_limited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "rollup_error");

    private final String method;
    private final String error;
    private final boolean permanent;
    private final int status;
    private final Duration retryAfter;

    private SlackApiException(String method, String error, boolean permanent, int status, Duration retryAfter,
            Throwable cause) {
        super("Slack " + method + " failed: " + error + (status == 0 || status == 200 ? "" : " (HTTP " + status + ")"),
                cause);
        this.method = method;
        this.error = error;
        this.permanent = permanent;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** Slack answered, but with {@code ok:false} (or, for an incoming webhook, a body other than {@code ok}). */
    static SlackApiException refused(String method, String error, int status) {
        String code = error == null || error.isBlank() ? "unknown_error" : error.strip();
        return new SlackApiException(method, code, !RETRYABLE.contains(code), status, null, null);
    }

    /**
     * A call that the outbound kit reported as failed: a non-2xx answer (its body’s {@code error}, or its text for an
     * incoming webhook, is the code), or no usable answer at all (the code is then the kit’s kind: {@code timeout},
     * {@code unanswered}, {@code unreachable}, {@code malformed_answer}).
     */
    static SlackApiException failed(String method, OutboundException e) {
        String code = e.serviceText().filter(text -> !text.isBlank()).map(String::strip).orElseGet(() ->
                e.kind() == OutboundException.Kind.RATE_LIMITED ? "ratelimited"
                        : e.kind().name().toLowerCase(Locale.ROOT));
        boolean retryable = RETRYABLE.contains(code) || switch (e.kind()) {
            case RATE_LIMITED, SERVER_ERROR, TIMEOUT, UNANSWERED, UNREACHABLE -> true;
            case CLIENT_ERROR, MALFORMED_ANSWER -> false;
        };
        return new SlackApiException(method, code, !retryable, e.status(), e.retryAfter().orElse(null), e);
    }

    /** The Web API method ({@code chat.postMessage}), or {@code incoming-webhook}. */
    public String method() {
        return method;
    }

    /** Slack’s error code ({@code channel_not_found}), or the kind of failure when Slack said none. */
    public String error() {
        return error;
    }

    /** Whether the same request will fail again: give up, and tell a person, rather than retry. */
    public boolean permanent() {
        return permanent;
    }

    /** The HTTP status Slack answered with (200 for an {@code ok:false} answer), or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** How long Slack asked to wait ({@code Retry-After} on a 429), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
