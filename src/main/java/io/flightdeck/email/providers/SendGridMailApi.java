package io.flightdeck.email.providers;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.email.providers.SendGridWire.Address;
import io.flightdeck.email.providers.SendGridWire.Content;
import io.flightdeck.email.providers.SendGridWire.Errors;
import io.flightdeck.email.providers.SendGridWire.Mail;
import io.flightdeck.email.providers.SendGridWire.Personalization;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import io.flightdeck.shared.outbound.RetryAfter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SendGrid's v3 Mail Send ({@code POST /v3/mail/send}) on the outbound-call kit, one message a call, with the API key
 * as a bearer token. The message is one personalization: its recipient, subject, extra headers (List-Unsubscribe) and
 * the ledger key as the custom argument {@value #LEDGER_KEY_ARG}, which SendGrid adds to every event of the message.
 * Content goes plain text first, then HTML, the order SendGrid requires.
 * <p>
 * SendGrid answers 202 with no body and the message's id in {@code X-Message-Id}. A 400 or 413 refuses this message
 * for good ({@code errors[].message} and {@code field} are the reason). A 401 (a wrong or revoked key), a 403 (a sender
 * not verified, a key without the Mail Send permission), a 429 or a 5xx is the whole call's failure: an
 * {@link EmailProviderException}. SendGrid states its rate limit's end in {@code X-RateLimit-Reset} (Unix seconds)
 * rather than {@code Retry-After}; either is read.
 * <p>
 * The key travels only in the {@code Authorization} header and appears in no message, log line or {@code toString}.
 */
public final class SendGridMailApi {

    /** The custom argument that carries the ledger key; SendGridEvents reads it back from each event. */
    public static final String LEDGER_KEY_ARG = "flightdeck_ledger_key";
    public static final URI DEFAULT_BASE = URI.create("https://api.sendgrid.com/");
    static final String PROVIDER = "SendGrid";

    private final URI send;
    private final String apiKey;
    private final Clock clock;
    private final OutboundClient http;

    /**
     * @param base where the API lives, normally {@link #DEFAULT_BASE}
     * @param apiKey an API key with the Mail Send permission
     * @param timeout how long one call may wait for its answer
     */
    public SendGridMailApi(URI base, String apiKey, Duration timeout) {
        this(base, apiKey, timeout, Clock.systemUTC());
    }

    /** The same, with the clock a rate limit's reset time is measured against. */
    public SendGridMailApi(URI base, String apiKey, Duration timeout, Clock clock) {
        String root = base.toString();
        this.send = URI.create(root.endsWith("/") ? root : root + "/").resolve("v3/mail/send");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("SendGrid needs an API key");
        }
        this.apiKey = apiKey;
        this.clock = clock;
        this.http = OutboundClient.to(PROVIDER).readTimeout(timeout).clock(clock).errorText("/errors/0/message")
                .build();
    }

    /** Sends one message: accepted with SendGrid's message id, or refused for good with SendGrid's words. */
    public SendResult send(OutgoingEmail email) {
        Mail mail = mail(email);
        ResponseEntity<Void> answer;
        try {
            answer = http.call(rest -> rest.post().uri(send).headers(h -> h.setBearerAuth(apiKey))
                    .contentType(MediaType.APPLICATION_JSON).body(mail).retrieve().toBodilessEntity());
        } catch (OutboundException e) {
            if (e.status() == 400 || e.status() == 413) {
                return SendResult.refused(email.ledgerKey(), true, reason(e));
            }
            throw failure(e);
        }
        String id = answer.getHeaders().getFirst("X-Message-Id");
        return SendResult.accepted(email.ledgerKey(), id == null || id.isBlank() ? null : id.strip());
    }

    private EmailProviderException failure(OutboundException e) {
        String words = switch (e.status()) {
            case 401 -> "refused the API key: it is wrong, or was revoked";
            case 403 -> "refused the call" + e.serviceText().map(t -> ": " + t).orElse("");
            default -> null;
        };
        return EmailProviderException.of(PROVIDER, e, words, e.status() == 429 ? untilReset(e) : null);
    }

    /** Each error's message, with the field it names ({@code personalizations.0.to.0.email}). */
    private static String reason(OutboundException e) {
        List<SendGridWire.Error> errors = e.body(Errors.class).map(Errors::errors).orElse(List.of());
        String words = errors.stream().filter(err -> err.message() != null)
                .map(err -> err.message().strip() + (err.field() == null || err.field().isBlank() ? ""
                        : " (" + err.field() + ")"))
                .collect(Collectors.joining("; "));
        return words.isEmpty() ? "SendGrid refused the message (HTTP " + e.status() + ")" : words;
    }

    /** The wait until {@code X-RateLimit-Reset}, capped as a {@code Retry-After} is. */
    private Duration untilReset(OutboundException e) {
        String reset = e.headers().getFirst("X-RateLimit-Reset");
        if (reset == null || !reset.strip().matches("\\d{1,12}")) {
            return null;
        }
        Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(RetryAfter.MAX) > 0 ? RetryAfter.MAX : wait;
    }

    private static Mail mail(OutgoingEmail email) {
        List<Content> content = new ArrayList<>();
        if (email.text() != null && !email.text().isBlank()) {
            content.add(new Content("text/plain", email.text()));
        }
        if (email.html() != null && !email.html().isBlank()) {
            content.add(new Content("text/html", email.html()));
        }
        Personalization to = new Personalization(List.of(address(email.to())), email.subject(),
                email.headers().isEmpty() ? null : email.headers(), Map.of(LEDGER_KEY_ARG, email.ledgerKey()));
        // the subject also at the top: the published schema requires it there, a personalization's overrides it
        return new Mail(List.of(to), address(email.from()), email.replyTo() == null ? null : address(email.replyTo()),
                email.subject(), content);
    }

    private static Address address(OutgoingEmail.Mailbox mailbox) {
        return new Address(mailbox.email(), mailbox.name());
    }

    @Override
    public String toString() {
        return "SendGridMailApi[" + send + "]";
    }
}
