package io.flightdeck.shared.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

/**
 * A call to an outside service that did not bring back a usable answer, in one classification every module reads the
 * same way. What a kind means is the module's decision: a publish that timed out is in doubt (the post may exist), a
 * render poll that timed out is simply asked again. The message names the service and what happened, never a header,
 * token or body.
 */
public class OutboundException extends RuntimeException {

    public enum Kind {
        /** 429: the service asks to slow down; {@link #retryAfter()} says how long when it did */
        RATE_LIMITED,
        /** 5xx: the service failed; trying again later may work */
        SERVER_ERROR,
        /** a 4xx, or any other answer that is not a success (an unfollowed redirect): the request itself was refused */
        CLIENT_ERROR,
        /** no answer within the read timeout: the request was sent and may have done its work */
        TIMEOUT,
        /** the connection broke after the request was sent: it may have done its work, the answer was lost */
        UNANSWERED,
        /** the request never left (refused connection, unknown host, connect timeout): nothing happened there */
        UNREACHABLE,
        /** a success whose body could not be read as the expected record: the work was done, its answer is unusable */
        MALFORMED_ANSWER;

        /** Whether the service may have acted on the request although no usable answer came back. */
        public boolean mayHaveArrived() {
            return this != UNREACHABLE;
        }

        static Kind ofStatus(int status) {
            if (status == 429) {
                return RATE_LIMITED;
            }
            return status >= 500 && status < 600 ? SERVER_ERROR : CLIENT_ERROR;
        }

        /** Whether the service answered with a status that says no. */
        public boolean refused() {
            return this == RATE_LIMITED || this == SERVER_ERROR || this == CLIENT_ERROR;
        }
    }

    private final String service;
    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final String serviceText;
    private final transient HttpHeaders headers;
    private final byte[] body;

    OutboundException(String service, Kind kind, int status, Duration retryAfter, String serviceText,
            HttpHeaders headers, byte[] body, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.serviceText = serviceText;
        this.headers = headers == null ? HttpHeaders.EMPTY : headers;
        this.body = body == null ? new byte[0] : body;
    }

    /** A call that failed before any status came back. */
    static OutboundException unanswered(String service, Kind kind, String message, Throwable cause) {
        return new OutboundException(service, kind, 0, null, null, null, null, message, cause);
    }

    /**
     * What a failed exchange means, from the I/O failure anywhere in its causes: whether the request could have
     * reached the service at all. Empty when no I/O failed (the answer came but could not be read).
     */
    static Optional<OutboundException> of(String service, Throwable error, Duration timeout) {
        Throwable io = null;
        for (Throwable cause = error; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
                return Optional.of(unanswered(service, Kind.UNREACHABLE, service + " could not be reached ("
                        + cause.getClass().getSimpleName() + ")", error));
            }
            if (cause instanceof HttpTimeoutException) {
                return Optional.of(unanswered(service, Kind.TIMEOUT, service + " did not answer within "
                        + seconds(timeout), error));
            }
            if (io == null && cause instanceof IOException) {
                io = cause;
            }
        }
        return io == null ? Optional.empty() : Optional.of(unanswered(service, Kind.UNANSWERED, service
                + " broke off the answer (" + io.getClass().getSimpleName() + ")", error));
    }

    /** {@code 30 s}, or {@code 0.5 s} for a timeout under a second. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    public String service() {
        return service;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when none came back. */
    public int status() {
        return status;
    }

    /** The service's {@code Retry-After}, read in both forms and capped ({@link RetryAfter}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The service's own words from its error body ({@link ErrorText}), trimmed and length-capped. */
    public Optional<String> serviceText() {
        return Optional.ofNullable(serviceText);
    }

    /** The answer's headers (empty when there was no answer), for a module that reads a service's own limits. */
    public HttpHeaders headers() {
        return headers == null ? HttpHeaders.EMPTY : headers; // transient: gone after serialisation
    }

    /** The error body as a service-specific record, for error codes beyond the text; empty when it is not JSON. */
    public <T> Optional<T> body(Class<T> type) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(OutboundClient.jsonMapper().readValue(body, type));
        } catch (RuntimeException notThatShape) {
            return Optional.empty();
        }
    }
}
