package io.flightdeck.publishing.channels;


/**
 * How a sandbox account behaves, to try the scheduler's failure paths without a network: it posts, or it answers as a
 * network does when it is down, refuses the content, limits the rate, revokes the token, or times out after the post
 * arrived, or breaks off with a fault of its own (as a client library with a bug does), before anything arrives.
 */
public enum SandboxMode {
    NORMAL("Posts"),
    FAIL("Fails (the network is down)"),
    REFUSE("Refuses the content"),
    RATE_LIMIT("Limits the rate"),
    UNAUTHORIZED("Rejects the token"),
    TIMEOUT("Times out after the post arrived"),
    BREAK("Breaks off with an unexpected fault");

    private final String label;

    SandboxMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The failure this mode answers with before anything is recorded; null for modes that record the post. */
    ChannelException before() {
        return switch (this) {
            case FAIL -> new ChannelException(ChannelException.Kind.RETRYABLE, "sandbox-unavailable",
                    "The sandbox network is down (the account is set to fail).");
            case REFUSE -> new ChannelException(ChannelException.Kind.REFUSED, "sandbox-refused",
                    "The sandbox network refused the post (the account is set to refuse content).");
            case RATE_LIMIT -> new ChannelException(ChannelException.Kind.RATE_LIMITED, "sandbox-rate-limited",
                    "The sandbox network asked to slow down (the account is set to limit the rate).",
                    java.time.Duration.ofSeconds(60), null);
            case UNAUTHORIZED -> new ChannelException(ChannelException.Kind.UNAUTHORIZED, "sandbox-unauthorized",
                    "The sandbox network rejected the account's token (the account is set to reject it).");
            default -> null;
        };
    }
}
