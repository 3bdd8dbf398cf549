package io.flightdeck.publishing.networks;

import java.util.function.Function;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.web.client.RestClient;

/**
 * What a failed call to a network means to the scheduler, on the outbound-call kit: a call that creates something and
 * got no answer (a timeout, a dropped connection, an unreadable success) is an unknown outcome, never a plain retry,
 * because the post may exist; the scheduler asks the network before anything is resent. A refused connection never
 * reached the network, so it is a plain retry either way. No retries here: the scheduler retries with its own pauses
 * and the network's Retry-After. Adapters refine {@link #refusal} with the network's own error codes.
 */
public class NetworkCalls {

    /** The pointers of the usual error bodies: RFC 9457 problems, OAuth errors, and lists of errors. */
    public static final String[] ERROR_TEXT = {"/detail", "/error_description", "/message", "/title", "/error",
            "/errors/0/detail", "/errors/0/message", "/errors/0/title"};

    private final String network;
    private final OutboundClient client;

    public NetworkCalls(OutboundClient client) {
        this.network = client.service();
        this.client = client;
    }

    /** A call that only reads, or that the network deduplicates: a timeout can simply be tried again. */
    public <T> T read(Function<RestClient, T> call) {
        return call(call, false);
    }

    /** A call that creates something: without an answer nobody knows whether it did. */
    public <T> T write(Function<RestClient, T> call) {
        return call(call, true);
    }

    public OutboundClient client() {
        return client;
    }

    private <T> T call(Function<RestClient, T> call, boolean creates) {
        try {
            return client.call(call);
        } catch (OutboundException e) {
            throw failure(e, creates);
        }
    }

    private ChannelException failure(OutboundException e, boolean creates) {
        Kind unknown = creates ? Kind.UNKNOWN_OUTCOME : Kind.RETRYABLE;
        return switch (e.kind()) {
            case TIMEOUT -> new ChannelException(unknown, "network-timeout", e.getMessage() + ".", null, e);
            case UNANSWERED -> new ChannelException(unknown, "network-unavailable", e.getMessage() + ".", null, e);
            case UNREACHABLE -> new ChannelException(Kind.RETRYABLE, "network-unavailable", e.getMessage() + ".", null,
                    e);
            case MALFORMED_ANSWER -> new ChannelException(unknown, "network-error", e.getMessage() + ".", null, e);
            case RATE_LIMITED, SERVER_ERROR, CLIENT_ERROR -> refusal(e);
        };
    }

    /** What a non-2xx answer means; adapters refine it with the network's own error codes. */
    protected ChannelException refusal(OutboundException e) {
        String detail = detail(e);
        int status = e.status();
        if (status == 401) {
            return new ChannelException(Kind.UNAUTHORIZED, "token-rejected", network
                    + " no longer accepts this account's token: connect the account again. (" + detail + ")", null, e);
        }
        if (e.kind() == OutboundException.Kind.RATE_LIMITED) {
            return new ChannelException(Kind.RATE_LIMITED, "rate-limited", network + " asks to slow down: " + detail,
                    e.retryAfter().orElse(null), e);
        }
        if (e.kind() == OutboundException.Kind.SERVER_ERROR) {
            return new ChannelException(Kind.RETRYABLE, "network-error", network + " failed (" + status + "): " + detail,
                    null, e);
        }
        return new ChannelException(Kind.REFUSED, "refused", network + " refused the post (" + status + "): " + detail,
                null, e);
    }

    /** The network's words for what went wrong. */
    protected static String detail(OutboundException e) {
        return e.serviceText().orElse("no details");
    }
}
