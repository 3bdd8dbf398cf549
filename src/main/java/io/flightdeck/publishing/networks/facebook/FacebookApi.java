package io.flightdeck.publishing.networks.facebook;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.networks.NetworkCalls;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Meta's Graph API on the outbound-call kit, with Meta's own error bodies read ({@code error.code},
 * {@code error_subcode}, {@code is_transient}, as the Graph API's error-handling page lists them): an invalid or
 * expired token breaks the account, Meta's rate limits wait for the time Meta estimates in
 * {@code X-Business-Use-Case-Usage}, a duplicate post is its own refusal. Meta answers most errors with 400 whatever
 * they mean, so the code decides, not the status. The token travels as an {@code Authorization: OAuth} header, never
 * in an address.
 */
class FacebookApi extends NetworkCalls {

    static final String[] ERROR_TEXT = {"/error/error_user_msg", "/error/message", "/error_description", "/message"};
    /** Expired, invalid or revoked tokens; 102 is an expired session of an old API. */
    private static final Set<Integer> TOKEN_CODES = Set.of(102, 190);
    /** App, user, Page and Pages-business-use-case rate limits, and the app's limit of calls. */
    private static final Set<Integer> RATE_CODES = Set.of(4, 17, 32, 341, 613, 80001);
    /** Temporary trouble at Meta: unknown error, service unavailable. */
    private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GraphError(Detail error) {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record Detail(String message, String type, Integer code, Integer errorSubcode, Boolean isTransient) {
        }
    }

    /** The code of Meta's answer that an id names nothing (error 100, subcode 33). */
    static final String NOT_FOUND = "not-found";

    private final FacebookProperties properties;

    FacebookApi(FacebookProperties properties, Clock clock) {
        super(OutboundClient.to("Facebook").readTimeout(properties.timeout()).followRedirects().errorText(ERROR_TEXT)
                .clock(clock).build());
        this.properties = properties;
    }

    /** {@code pathAndQuery} (already encoded) under the versioned Graph API. */
    URI graph(String pathAndQuery) {
        return URI.create(base(properties.graphUrl()) + "/" + properties.version() + pathAndQuery);
    }

    /** The same on Meta's video host, which takes uploaded files. */
    URI video(String pathAndQuery) {
        return URI.create(base(properties.videoUrl()) + "/" + properties.version() + pathAndQuery);
    }

    /** Where a Reel's file goes. */
    URI rupload(String videoId) {
        return URI.create(base(properties.ruploadUrl()) + "/video-upload/" + properties.version() + "/" + encode(videoId));
    }

    private static String base(URI uri) {
        return uri.toString().replaceAll("/+$", "");
    }

    /** A read; the token may be null for a call that carries the app's credentials in its query. */
    JsonNode get(URI uri, String token) {
        return read(rest -> rest.get().uri(uri).headers(h -> {
            if (token != null) {
                h.set("Authorization", "OAuth " + token);
            }
        }).retrieve().body(JsonNode.class));
    }

    /** A form POST; {@code creates} when without an answer nobody knows whether something visible now exists. */
    JsonNode post(URI uri, String token, Map<String, String> form, boolean creates) {
        String body = form.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        java.util.function.Function<org.springframework.web.client.RestClient, JsonNode> call = rest -> rest.post()
                .uri(uri).headers(h -> h.set("Authorization", "OAuth " + token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body).retrieve().body(JsonNode.class);
        return creates ? write(call) : read(call);
    }

    /** A multipart POST (a photo's {@code source}, a video's chunk). */
    JsonNode multipart(URI uri, String token, MultiValueMap<String, ?> parts, boolean creates) {
        java.util.function.Function<org.springframework.web.client.RestClient, JsonNode> call = rest -> rest.post()
                .uri(uri).headers(h -> h.set("Authorization", "OAuth " + token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(JsonNode.class);
        return creates ? write(call) : read(call);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    protected ChannelException refusal(OutboundException e) {
        GraphError.Detail error = e.body(GraphError.class).map(GraphError::error).orElse(null);
        if (error == null || error.code() == null) {
            return super.refusal(e);
        }
        int code = error.code();
        String words = detail(e);
        if (TOKEN_CODES.contains(code)) {
            return new ChannelException(Kind.UNAUTHORIZED, "token-rejected", "Facebook no longer accepts this Page's "
                    + "token (expired, revoked, or the person lost their role on the Page): connect it again. ("
                    + words + ")", null, e);
        }
        if (RATE_CODES.contains(code) || e.status() == 429) {
            return new ChannelException(Kind.RATE_LIMITED, "rate-limited", "Facebook asks to slow down: " + words,
                    FacebookUsage.regainAccess(e.headers()).or(e::retryAfter).orElse(null), e);
        }
        if (TEMPORARY_CODES.contains(code) || Boolean.TRUE.equals(error.isTransient()) || e.status() >= 500) {
            return new ChannelException(Kind.RETRYABLE, "network-error", "Facebook failed for now: " + words, null, e);
        }
        if (code == 100 && Integer.valueOf(33).equals(error.errorSubcode())) {
            return new ChannelException(Kind.REFUSED, NOT_FOUND, "Facebook has no such object: " + words, null, e);
        }
        if (code == 506) {
            return new ChannelException(Kind.REFUSED, "duplicate", "Facebook refused the post because the Page "
                    + "just posted the same text: change the text, then schedule it again. (" + words + ")", null, e);
        }
        if (code == 10 || code >= 200 && code < 300) {
            return new ChannelException(Kind.REFUSED, "permission-missing", "Facebook refused: the Page's "
                    + "permission is missing (connect the Page again and grant every permission asked). (" + words
                    + ")", null, e);
        }
        return new ChannelException(Kind.REFUSED, "refused", "Facebook refused it (" + code + "): " + words, null, e);
    }

    /** Meta's estimate of when a throttled Page or app may call again, from its usage headers. */
    static final class FacebookUsage {

        private FacebookUsage() {
        }

        /**
         * {@code X-Business-Use-Case-Usage} is a JSON object of business ids to lists of usages, each with
         * {@code estimated_time_to_regain_access} in minutes; the longest counts.
         */
        static java.util.Optional<Duration> regainAccess(org.springframework.http.HttpHeaders headers) {
            String usage = headers.getFirst("X-Business-Use-Case-Usage");
            if (usage == null) {
                return java.util.Optional.empty();
            }
            try {
                JsonNode root = OutboundClient.jsonMapper().readTree(usage);
                long minutes = -1;
                for (JsonNode list : root) {
                    for (JsonNode one : list) {
                        minutes = Math.max(minutes, one.path("estimated_time_to_regain_access").asLong(-1));
                    }
                }
                return minutes < 0 ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofMinutes(minutes));
            } catch (RuntimeException unreadable) {
                return java.util.Optional.empty();
            }
        }
    }
}
