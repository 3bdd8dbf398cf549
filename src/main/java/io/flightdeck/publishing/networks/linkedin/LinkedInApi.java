package io.flightdeck.publishing.networks.linkedin;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Consumer;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.networks.NetworkCalls;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * LinkedIn's API on the outbound-call kit: every versioned {@code /rest} call carries the configured
 * {@code LinkedIn-Version} and Rest.li 2.0 headers, and LinkedIn's error bodies
 * ({@code {"message", "serviceErrorCode", "status"}}) refine what a refusal means for the scheduler.
 */
class LinkedInApi extends NetworkCalls {

    static final String RESTLI_PROTOCOL = "2.0.0";
    static final String PERMISSION_MISSING = "permission-missing";
    /** LinkedIn's serviceErrorCodes for a token the member revoked, and for one past its 60 days. */
    static final int REVOKED = 65601;
    static final int EXPIRED = 65602;

    /** LinkedIn's error body; {@code code} names a retired version ({@code NONEXISTENT_VERSION}). */
    record Problem(String message, Integer serviceErrorCode, String code) {
    }

    private final String base;
    private final String version;
    private final Clock clock;

    LinkedInApi(LinkedInProperties properties, Clock clock) {
        super(OutboundClient.to("LinkedIn").readTimeout(properties.timeout()).followRedirects()
                .errorText(NetworkCalls.ERROR_TEXT).clock(clock).build());
        String url = properties.apiUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.version = properties.version();
        this.clock = clock;
    }

    URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** A versioned call's headers ({@code /rest/...}): LinkedIn answers 400 to one without both version headers. */
    Consumer<HttpHeaders> rest(String token) {
        return headers -> {
            headers.setBearerAuth(token);
            headers.set("LinkedIn-Version", version);
            headers.set("X-Restli-Protocol-Version", RESTLI_PROTOCOL);
        };
    }

    /** A versioned read; null when LinkedIn answered without a body. */
    <T> T get(String pathAndQuery, String token, Class<T> answer) {
        return read(rest -> rest.get().uri(uri(pathAndQuery)).headers(rest(token)).retrieve().body(answer));
    }

    /** An unversioned read: OpenID Connect's userinfo lives under {@code /v2} and takes only the token. */
    <T> T getUnversioned(String path, String token, Class<T> answer) {
        return read(rest -> rest.get().uri(uri(path)).headers(h -> h.setBearerAuth(token)).retrieve().body(answer));
    }

    /** A versioned JSON POST that creates something, with the answer's headers ({@code x-restli-id}). */
    <T> ResponseEntity<T> create(String pathAndQuery, String token, Object body, Class<T> answer) {
        return write(rest -> rest.post().uri(uri(pathAndQuery)).headers(rest(token)).body(body).retrieve()
                .toEntity(answer));
    }

    /** A URN inside a path or a Rest.li {@code List(...)}: its colons must be percent-encoded. */
    static String encode(String urn) {
        return URLEncoder.encode(urn, StandardCharsets.UTF_8);
    }

    @Override
    protected ChannelException refusal(OutboundException e) {
        String detail = detail(e);
        int status = e.status();
        Problem problem = e.body(Problem.class).orElse(new Problem(null, null, null));
        int serviceCode = problem.serviceErrorCode() == null ? 0 : problem.serviceErrorCode();
        if (status == 401 && serviceCode == REVOKED) {
            return new ChannelException(Kind.UNAUTHORIZED, "token-revoked", "The member withdrew Flightdeck's access "
                    + "on LinkedIn: connect the account again. (" + detail + ")", null, e);
        }
        if (status == 401 && serviceCode == EXPIRED) {
            return new ChannelException(Kind.UNAUTHORIZED, "token-expired", "The LinkedIn access token expired "
                    + "(LinkedIn tokens last 60 days): connect the account again. (" + detail + ")", null, e);
        }
        if (status == 403) {
            return new ChannelException(Kind.REFUSED, PERMISSION_MISSING, "LinkedIn refused for lack of permission ("
                    + detail + "). Either the member who connected this account is no longer an administrator of the "
                    + "page, or this installation's LinkedIn app lacks the product that grants the permission (Share "
                    + "on LinkedIn for a member, Community Management API for a page): check both, then connect the "
                    + "account again.", null, e);
        }
        if (status == 422 && detail.toLowerCase(Locale.ROOT).contains("duplicate")) {
            return new ChannelException(Kind.REFUSED, "duplicate", "LinkedIn refused the post as a duplicate of one "
                    + "already on this account: change the text before sending it again. (" + detail + ")", null, e);
        }
        if (status == 426 || "NONEXISTENT_VERSION".equals(problem.code())) {
            return new ChannelException(Kind.REFUSED, "api-version", "LinkedIn no longer serves API version " + version
                    + ": set flightdeck.publishing.linkedin.version to a current one (YYYYMM). (" + detail + ")", null,
                    e);
        }
        if (status == 429) {
            // LinkedIn's limits are per day and reset at midnight UTC; it rarely says Retry-After
            Duration untilReset = Duration.between(clock.instant(),
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            return new ChannelException(Kind.RATE_LIMITED, "rate-limited", "LinkedIn asks to slow down (" + detail
                    + "). Its daily limits reset at midnight UTC, in " + untilReset.toHours() + " h "
                    + untilReset.toMinutesPart() + " min.", e.retryAfter().orElse(null), e);
        }
        return super.refusal(e);
    }
}
