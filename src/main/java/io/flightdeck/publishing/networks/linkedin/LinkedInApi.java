package io.flightdeck.publishing.networks.linkedin;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import io.flightdeck.publishing.ChannelException;
import io.flightdeck.publishing.ChannelException.Kind;
import io.flightdeck.publishing.networks.NetworkHttp;
import tools.jackson.databind.JsonNode;

/**
 * LinkedIn's API as {@link NetworkHttp} calls: every versioned {@code /rest} call carries the configured
 * {@code LinkedIn-Version} and Rest.li 2.0 headers, and LinkedIn's error bodies
 * ({@code {"message", "serviceErrorCode", "status"}}) refine what a refusal means for the scheduler.
 */
class LinkedInApi extends NetworkHttp {

    static final String RESTLI_PROTOCOL = "2.0.0";
    static final String PERMISSION_MISSING = "permission-missing";
    /** LinkedIn's serviceErrorCodes for a token the member revoked, and for one past its 60 days. */
    static final int REVOKED = 65601;
    static final int EXPIRED = 65602;

    private final String base;
    private final String version;
    private final Clock clock;

    LinkedInApi(LinkedInProperties properties, HttpClient client, Clock clock) {
        super("LinkedIn", client, properties.timeout(), clock);
        String url = properties.apiUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.version = properties.version();
        this.clock = clock;
    }

    /** A versioned call ({@code /rest/...}): LinkedIn answers 400 to one without both headers. */
    HttpRequest.Builder rest(String pathAndQuery, String token) {
        return request(URI.create(base + pathAndQuery), token).header("LinkedIn-Version", version)
                .header("X-Restli-Protocol-Version", RESTLI_PROTOCOL);
    }

    /** An unversioned call: OpenID Connect's userinfo lives under {@code /v2} and takes only the token. */
    HttpRequest.Builder unversioned(String path, String token) {
        return request(URI.create(base + path), token);
    }

    HttpRequest postJson(String pathAndQuery, String token, JsonNode body) {
        return rest(pathAndQuery, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json().writeValueAsString(body))).build();
    }

    /** A URN inside a path or a Rest.li {@code List(...)}: its colons must be percent-encoded. */
    static String encode(String urn) {
        return URLEncoder.encode(urn, StandardCharsets.UTF_8);
    }

    @Override
    public ChannelException refusal(int status, HttpHeaders headers, JsonNode body) {
        String detail = detail(body);
        int serviceCode = body.path("serviceErrorCode").asInt(0);
        if (status == 401 && serviceCode == REVOKED) {
            return new ChannelException(Kind.UNAUTHORIZED, "token-revoked", "The member withdrew Flightdeck's access "
                    + "on LinkedIn: connect the account again. (" + detail + ")");
        }
        if (status == 401 && serviceCode == EXPIRED) {
            return new ChannelException(Kind.UNAUTHORIZED, "token-expired", "The LinkedIn access token expired "
                    + "(LinkedIn tokens last 60 days): connect the account again. (" + detail + ")");
        }
        if (status == 403) {
            return new ChannelException(Kind.REFUSED, PERMISSION_MISSING, "LinkedIn refused for lack of permission ("
                    + detail + "). Either the member who connected this account is no longer an administrator of the "
                    + "page, or this installation's LinkedIn app lacks the product that grants the permission (Share "
                    + "on LinkedIn for a member, Community Management API for a page): check both, then connect the "
                    + "account again.");
        }
        if (status == 422 && detail.toLowerCase(Locale.ROOT).contains("duplicate")) {
            return new ChannelException(Kind.REFUSED, "duplicate", "LinkedIn refused the post as a duplicate of one "
                    + "already on this account: change the text before sending it again. (" + detail + ")");
        }
        if (status == 426 || "NONEXISTENT_VERSION".equals(body.path("code").asString(""))) {
            return new ChannelException(Kind.REFUSED, "api-version", "LinkedIn no longer serves API version " + version
                    + ": set flightdeck.publishing.linkedin.version to a current one (YYYYMM). (" + detail + ")");
        }
        if (status == 429) {
            // LinkedIn's limits are per day and reset at midnight UTC; it rarely says Retry-After
            Duration untilReset = Duration.between(clock.instant(),
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            return new ChannelException(Kind.RATE_LIMITED, "rate-limited", "LinkedIn asks to slow down (" + detail
                    + "). Its daily limits reset at midnight UTC, in " + untilReset.toHours() + " h "
                    + untilReset.toMinutesPart() + " min.", retryAfter(headers).orElse(null), null);
        }
        return super.refusal(status, headers, body);
    }
}
