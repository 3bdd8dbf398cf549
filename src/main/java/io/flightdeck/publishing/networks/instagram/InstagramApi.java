package io.flightdeck.publishing.networks.instagram;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.networks.NetworkCalls;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.http.MediaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The Instagram API with Instagram Login on the outbound-call kit, reading Meta's Graph error body
 * ({@code {"error": {"message", "type", "code", "error_subcode", "error_user_msg", "is_transient"}}}): code 190 is a
 * token that expired or was revoked, codes 4, 17, 32 and 613 are rate limits, a transient error or code 1 and 2 is an
 * outage, 9007 with subcode 2207027 is a container not yet ready, and anything else is refused in Instagram's words
 * (its {@code error_user_msg} when it gives one). The token travels as {@code access_token}, as Meta documents it.
 */
class InstagramApi extends NetworkCalls {

    static final String[] ERROR_TEXT = {"/error/error_user_msg", "/error/message", "/error_message", "/message"};
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 17, 32, 613, 80002);
    /** Meta's usage header says how many minutes until calls are accepted again. */
    private static final Pattern REGAIN = Pattern.compile("\"estimated_time_to_regain_access\"\\s*:\\s*(\\d+)");

    /** Meta's error body. */
    record GraphError(Detail error) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Detail(String message, String type, Integer code, Integer errorSubcode, String errorUserMsg,
            Boolean isTransient) {
    }

    private final InstagramProperties properties;
    private final NetworkCalls uploads;

    InstagramApi(InstagramProperties properties, Clock clock) {
        super(OutboundClient.to("Instagram").readTimeout(properties.timeout()).errorText(ERROR_TEXT).clock(clock)
                .build());
        this.properties = properties;
        this.uploads = new NetworkCalls(client().withReadTimeout(properties.uploadTimeout())) {
            @Override
            protected ChannelException refusal(OutboundException e) {
                return InstagramApi.this.refusal(e);
            }
        };
    }

    /** A versioned Graph path ({@code /me}, {@code /{id}/media}) with its query; the token is added. */
    URI graph(String path, String token, Map<String, String> query) {
        return graphRoot("/" + properties.version() + path, token, query);
    }

    /** An unversioned Graph path ({@code /access_token}, {@code /refresh_access_token}). */
    URI graphRoot(String path, String token, Map<String, String> query) {
        Map<String, String> all = new LinkedHashMap<>(query);
        if (token != null) {
            all.put("access_token", token);
        }
        return URI.create(trim(properties.graphUrl()) + path + (all.isEmpty() ? "" : "?" + form(all)));
    }

    /** Where a resumable upload's bytes go for this container. */
    URI upload(String containerId) {
        return URI.create(trim(properties.uploadUrl()) + "/ig-api-upload/" + properties.version() + "/"
                + encode(containerId));
    }

    <T> T get(URI uri, Class<T> answer) {
        return read(rest -> rest.get().uri(uri).retrieve().body(answer));
    }

    /** A form POST that makes nothing anyone sees (a container, an upload): a timeout is simply tried again. */
    <T> T prepare(URI uri, Map<String, String> fields, Class<T> answer) {
        return read(rest -> rest.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form(fields))
                .retrieve().body(answer));
    }

    /** A form POST that publishes: without an answer nobody knows whether it did. */
    <T> T publish(URI uri, Map<String, String> fields, Class<T> answer) {
        return write(rest -> rest.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form(fields))
                .retrieve().body(answer));
    }

    /** Calls with the upload's longer time limit. */
    NetworkCalls uploads() {
        return uploads;
    }

    @Override
    protected ChannelException refusal(OutboundException e) {
        Detail error = e.body(GraphError.class).map(GraphError::error).orElse(null);
        if (error == null || error.code() == null) {
            return super.refusal(e);
        }
        String words = words(error, e);
        int code = error.code();
        if (code == 190) {
            return new ChannelException(Kind.UNAUTHORIZED, "token-rejected", "Instagram no longer accepts this "
                    + "account's token (expired, revoked, or the password changed): connect the account again. ("
                    + words + ")", null, e);
        }
        if (RATE_LIMITS.contains(code)) {
            return new ChannelException(Kind.RATE_LIMITED, "rate-limited", "Instagram asks to slow down: " + words,
                    wait(e).orElse(null), e);
        }
        if (code == 9 && Integer.valueOf(2207042).equals(error.errorSubcode())) {
            return new ChannelException(Kind.RATE_LIMITED, "publishing-limit", "The account has reached Instagram's "
                    + "limit of posts in 24 hours; it will be tried again later. (" + words + ")", null, e);
        }
        if (code == 9007 && Integer.valueOf(2207027).equals(error.errorSubcode())) {
            return new ChannelException(Kind.RETRYABLE, "container-not-ready", "Instagram had not finished preparing "
                    + "the post; nothing was published, and it will be tried again. (" + words + ")", null, e);
        }
        if (Boolean.TRUE.equals(error.isTransient()) || code == 1 || code == 2 || e.status() >= 500) {
            return new ChannelException(Kind.RETRYABLE, "network-error", "Instagram failed (" + e.status() + "): "
                    + words, null, e);
        }
        if (code == 10 || (code >= 200 && code < 300)) {
            return new ChannelException(Kind.REFUSED, "permission-missing", "Instagram refused for lack of a "
                    + "permission: connect the account again and grant every permission asked. (" + words + ")", null,
                    e);
        }
        return new ChannelException(Kind.REFUSED, "refused", "Instagram refused it (" + e.status() + ", code " + code
                + "): " + words, null, e);
    }

    private static String words(Detail error, OutboundException e) {
        if (error.errorUserMsg() != null && !error.errorUserMsg().isBlank()) {
            return error.errorUserMsg();
        }
        return error.message() != null ? error.message() : detail(e);
    }

    private static Optional<Duration> wait(OutboundException e) {
        Optional<Duration> retryAfter = e.retryAfter();
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        String usage = e.headers().getFirst("x-business-use-case-usage");
        Matcher minutes = usage == null ? null : REGAIN.matcher(usage);
        return minutes != null && minutes.find() ? Optional.of(Duration.ofMinutes(Long.parseLong(minutes.group(1))))
                : Optional.empty();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String trim(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
