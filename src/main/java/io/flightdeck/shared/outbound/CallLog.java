package io.flightdeck.shared.outbound;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.observation.ClientRequestObservationContext;

/**
 * One log line per outside call: service, method, host, path, status (or what stopped the call) and duration. Never
 * the query string (keys travel there), nor the path where it is the credential (a client built with
 * {@code secretPaths()}), headers (tokens), or bodies (personal data, secrets echoed back). A success
 * is logged at DEBUG and anything else at INFO, so a busy render poll does not fill the log unless asked to
 * ({@code logging.level.io.flightdeck.shared.outbound=DEBUG}).
 * <p>
 * It hangs on RestClient's own observation of each exchange rather than on a request interceptor, because an
 * interceptor makes Spring buffer the whole request body in memory, and videos are uploaded through this kit.
 */
final class CallLog implements ObservationHandler<ClientRequestObservationContext> {

    private static final Logger log = LoggerFactory.getLogger(CallLog.class);
    private static final String STARTED = CallLog.class.getName() + ".started";

    private final String service;
    private final boolean secretPaths;

    CallLog(String service, boolean secretPaths) {
        this.service = service;
        this.secretPaths = secretPaths;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ClientRequestObservationContext;
    }

    @Override
    public void onStart(ClientRequestObservationContext context) {
        context.put(STARTED, System.nanoTime());
    }

    @Override
    public void onStop(ClientRequestObservationContext context) {
        if (context.getCarrier() == null) {
            return;
        }
        long started = context.getOrDefault(STARTED, System.nanoTime());
        String outcome = outcome(context.getResponse(), context.getError());
        write(context.getCarrier().getMethod().name(), context.getCarrier().getURI(), outcome,
                (System.nanoTime() - started) / 1_000_000, outcome.startsWith("2"));
    }

    /** Also used for downloads, which bypass RestClient (their bodies outlast any read timeout). */
    void write(String method, URI uri, String outcome, long millis, boolean success) {
        if (success ? !log.isDebugEnabled() : !log.isInfoEnabled()) {
            return;
        }
        String host = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String path = secretPaths ? "/…" : uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (success) {
            log.debug("outbound {} {} {}{} -> {} in {} ms", service, method, host, path, outcome, millis);
        } else {
            log.info("outbound {} {} {}{} -> {} in {} ms", service, method, host, path, outcome, millis);
        }
    }

    private static String outcome(ClientHttpResponse response, Throwable error) {
        if (response != null) {
            try {
                return String.valueOf(response.getStatusCode().value());
            } catch (IOException | RuntimeException unreadable) {
                // fall through to the error
            }
        }
        if (error == null) {
            return "no answer";
        }
        return OutboundException.of("", error, Duration.ZERO).map(e -> e.kind().name().toLowerCase(Locale.ROOT))
                .orElse(error.getClass().getSimpleName());
    }
}
