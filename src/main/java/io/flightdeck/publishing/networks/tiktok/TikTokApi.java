package io.flightdeck.publishing.networks.tiktok;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.networks.NetworkCalls;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.http.MediaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * TikTok's Open API v2 on the outbound-call kit, with TikTok's error envelope read: every answer carries
 * {@code error.code}, {@code error.message} and {@code error.log_id} (TikTok's support asks for the log id), and the
 * code, not the HTTP status alone, says what went wrong.
 */
class TikTokApi extends NetworkCalls {

    static final String[] ERROR_TEXT = {"/error/message", "/error_description", "/error/code", "/error", "/message"};
    /** TikTok's rate limits are per minute in a sliding window and it sends no Retry-After. */
    private static final Duration MINUTE_WINDOW = Duration.ofMinutes(1);
    /** TikTok publishes no reset for its daily caps; a post held back by one is tried again after this pause. */
    private static final Duration DAILY_CAP_PAUSE = Duration.ofHours(1);

    /** TikTok's error struct, {@code ok} on success. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Error(String code, String message, String logId) {

        boolean ok() {
            return code == null || code.isBlank() || "ok".equals(code);
        }
    }

    /** Any answer's envelope, for its error. */
    record Envelope(Error error) {
    }

    private final URI base;

    TikTokApi(TikTokProperties properties, Clock clock, String service, Duration timeout) {
        super(OutboundClient.to(service).readTimeout(timeout).errorText(ERROR_TEXT).clock(clock).build());
        this.base = properties.apiUrl();
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    <T> T get(String pathAndQuery, String token, Class<T> answer) {
        return read(rest -> rest.get().uri(uri(pathAndQuery)).headers(h -> h.setBearerAuth(token)).retrieve()
                .body(answer));
    }

    /** A JSON POST that publishes nothing by itself (creator info, init, status, video query). */
    <T> T post(String pathAndQuery, String token, Object body, Class<T> answer) {
        return read(rest -> rest.post().uri(uri(pathAndQuery)).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(body == null ? "{}" : body).retrieve().body(answer));
    }

    /**
     * One chunk to the upload address, streamed from {@code in}. {@code completes} marks the last chunk: once TikTok
     * has it TikTok may publish, so without an answer it is an unknown outcome rather than a plain retry.
     */
    void putChunk(URI uploadUrl, String mimeType, long first, long last, long total, InputStream in,
            boolean completes) {
        long length = last - first + 1;
        String range = "bytes " + first + "-" + last + "/" + total;
        java.util.function.Function<org.springframework.web.client.RestClient, Object> call = rest -> rest.put()
                .uri(uploadUrl).contentType(MediaType.parseMediaType(mimeType)).contentLength(length)
                .header("Content-Range", range).body(out -> copy(in, out, length)).retrieve().toBodilessEntity();
        if (completes) {
            write(call);
        } else {
            read(call);
        }
    }

    private static void copy(InputStream in, java.io.OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the file ended " + left + " bytes early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /** A 2xx whose envelope still names an error is refused like the status TikTok would have sent. */
    static void check(Error error, String what) {
        if (error != null && !error.ok()) {
            throw classify(0, error, what, null);
        }
    }

    @Override
    protected ChannelException refusal(OutboundException e) {
        Error error = e.body(Envelope.class).map(Envelope::error).orElse(null);
        if (error == null || error.ok()) {
            return super.refusal(e);
        }
        return classify(e.status(), error, null, e);
    }

    private static ChannelException classify(int status, Error error, String what, Throwable cause) {
        String words = words(error);
        String code = error.code();
        return switch (code) {
            case "access_token_invalid" -> new ChannelException(Kind.UNAUTHORIZED, "token-rejected", "TikTok no "
                    + "longer accepts this account's token (expired or revoked): connect the account again. " + words,
                    null, cause);
            case "scope_not_authorized", "scope_permission_missed" -> new ChannelException(Kind.UNAUTHORIZED,
                    "scope-missing", "The TikTok account did not grant every permission Flightdeck needs: connect it "
                    + "again and allow them all. " + words, null, cause);
            case "rate_limit_exceeded" -> new ChannelException(Kind.RATE_LIMITED, "rate-limited",
                    "TikTok asks to slow down. " + words, MINUTE_WINDOW, cause);
            case "spam_risk_too_many_posts", "spam_risk_too_many_pending_share", "reached_active_user_cap" ->
                    new ChannelException(Kind.RATE_LIMITED, code, "TikTok's daily cap is reached ("
                            + capName(code) + "); the post is sent again later. " + words, DAILY_CAP_PAUSE, cause);
            case "unaudited_client_can_only_post_to_private_accounts" -> new ChannelException(Kind.REFUSED, code,
                    "TikTok takes only private posts from an app it has not audited: choose Only me as who can see "
                    + "it, set the TikTok account itself to private, or have the app audited. " + words, null, cause);
            case "privacy_level_option_mismatch" -> new ChannelException(Kind.REFUSED, code, "This TikTok account "
                    + "does not offer the chosen privacy level: choose one of the account's options again. " + words,
                    null, cause);
            case "spam_risk_user_banned_from_posting" -> new ChannelException(Kind.REFUSED, code, "TikTok has "
                    + "banned this account from posting: check the account in the TikTok app. " + words, null, cause);
            case "internal_error" -> new ChannelException(Kind.RETRYABLE, "network-error", "TikTok failed. " + words,
                    null, cause);
            default -> status >= 500 ? new ChannelException(Kind.RETRYABLE, "network-error", "TikTok failed ("
                    + status + "). " + words, null, cause)
                    : new ChannelException(Kind.REFUSED, "refused", "TikTok refused "
                    + (what == null ? "it" : what) + (status > 0 ? " (" + status + ")" : "") + ". " + words, null,
                    cause);
        };
    }

    private static String capName(String code) {
        return switch (code) {
            case "spam_risk_too_many_posts" -> "the creator's posts per day through apps";
            case "spam_risk_too_many_pending_share" -> "the creator's uploads still waiting in the TikTok inbox";
            default -> "the app's posting users per day, five until TikTok has audited the app";
        };
    }

    /** TikTok's words, its code and the log id its support asks for. */
    static String words(Error error) {
        String message = error.message() == null || error.message().isBlank() ? "no details" : error.message();
        return "(" + error.code() + ": " + message + (error.logId() == null ? "" : "; log id " + error.logId())
                + ")";
    }
}
