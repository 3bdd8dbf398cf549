package io.flightdeck.rendering.remote;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import io.flightdeck.rendering.jobs.RenderProvider.OutputSource;
import io.flightdeck.rendering.jobs.RenderProviderException;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.web.client.RestClient;

/**
 * What a failed call to a render provider means to the job runner, on the outbound-call kit: whether trying again
 * could help. No retries here: the runner retries with its own back-off (and a 429's Retry-After), so a slow provider
 * never holds a scheduler thread. A submission cut off mid-call is not resent blindly either: the runner looks it up
 * first ({@code findSubmission}) where the provider allows.
 */
final class ProviderCalls {

    /** The runner's pause after a 429 that named none. */
    static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(10);

    private final String provider;
    private final OutboundClient client;

    ProviderCalls(OutboundClient client) {
        this.provider = client.service();
        this.client = client;
    }

    <T> T call(Function<RestClient, T> call) {
        try {
            return client.call(call);
        } catch (OutboundException e) {
            throw failure(e);
        }
    }

    /** An output file: fetched when the runner stores it, streamed, never held in memory whole. */
    OutputSource download(URI uri, String bearerToken) {
        return () -> {
            try {
                return client.download(uri, headers -> {
                    if (bearerToken != null) {
                        headers.setBearerAuth(bearerToken);
                    }
                });
            } catch (OutboundException e) {
                throw new IOException(e.getMessage() + " (the output " + uri.getRawPath() + ")", e);
            }
        };
    }

    private RenderProviderException failure(OutboundException e) {
        String detail = e.serviceText().orElse("no details");
        int status = e.status();
        return switch (e.kind()) {
            case TIMEOUT -> new RenderProviderException("provider-timeout", e.getMessage(), true, null, e);
            case UNREACHABLE, UNANSWERED, MALFORMED_ANSWER ->
                    new RenderProviderException("provider-unavailable", e.getMessage(), true, null, e);
            case RATE_LIMITED -> new RenderProviderException("rate-limited", provider + " asks to slow down: " + detail,
                    true, e.retryAfter().orElse(RATE_LIMIT_PAUSE), e);
            case SERVER_ERROR -> new RenderProviderException("provider-unavailable", provider + " failed (" + status
                    + "): " + detail, true, null, e);
            case CLIENT_ERROR -> switch (status) {
                case 401, 403 -> new RenderProviderException("provider-auth", provider + " refused the API token ("
                        + status + "): " + detail, false, null, e);
                case 404 -> new RenderProviderException("provider-job-missing", provider + " does not know this job ("
                        + status + "): " + detail, false, null, e);
                default -> new RenderProviderException("provider-refused", provider + " refused the request ("
                        + status + "): " + detail, false, null, e);
            };
        };
    }
}
