package io.flightdeck.email.providers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.flightdeck.email.providers.MailjetWire.Address;
import io.flightdeck.email.providers.MailjetWire.Answer;
import io.flightdeck.email.providers.MailjetWire.Message;
import io.flightdeck.email.providers.MailjetWire.Result;
import io.flightdeck.email.providers.MailjetWire.Send;
import io.flightdeck.shared.outbound.OutboundClient;
import io.flightdeck.shared.outbound.OutboundException;
import org.springframework.http.MediaType;

/**
 * Mailjet's Send API v3.1 ({@code POST /v3.1/send}) on the outbound-call kit: up to {@value #MAX_MESSAGES} messages a
 * call, each to one recipient, authenticated with the API key and secret in HTTP Basic. Each message carries its
 * ledger key as {@code CustomID}, which Mailjet hands back with every event of the message.
 * <p>
 * Mailjet processes the messages of a call one by one: some may be sent while others are refused, and the answer
 * lists them in the order they were given. It answers such a mix with 200, or with 400 and the same body; both are
 * read here as one {@link SendResult} per message, in the order given. A refusal is permanent unless Mailjet gave it a
 * 429 or 5xx status of its own. A failure of the whole call (401 for a wrong key, a 400 without per-message answers,
 * 429, 5xx, a timeout) is an {@link EmailProviderException} and no message has a result.
 * <p>
 * The key and secret travel only in the {@code Authorization} header and appear in no message, log line or
 * {@code toString}.
 */
public final class MailjetSendApi {

    /** Mailjet's limit on {@code Messages} in one call (error mj-0008 beyond it). */
    public static final int MAX_MESSAGES = 50;
    public static final URI DEFAULT_BASE = URI.create("https://api.mailjet.com/");
    static final String PROVIDER = "Mailjet";

    private final URI send;
    private final URI messages;
    private final String apiKey;
    private final String secretKey;
    private final OutboundClient http;

    /**
     * @param base where the API lives, normally {@link #DEFAULT_BASE}
     * @param apiKey the API key (Mailjet's public key); {@code secretKey} the secret key
     * @param timeout how long one call may wait for its answer
     */
    public MailjetSendApi(URI base, String apiKey, String secretKey, Duration timeout) {
        String root = base.toString();
        this.send = URI.create(root.endsWith("/") ? root : root + "/").resolve("v3.1/send");
        this.messages = URI.create(root.endsWith("/") ? root : root + "/").resolve("v3/REST/message");
        if (apiKey == null || apiKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("Mailjet needs an API key and a secret key");
        }
        this.apiKey = apiKey;
        this.secretKey = secretKey;
        // a global error keeps its words at the top; a per-message one inside Messages
        this.http = OutboundClient.to(PROVIDER).readTimeout(timeout)
                .errorText("/ErrorMessage", "/Messages/0/Errors/0/ErrorMessage", "/message").build();
    }

    /** Sends the messages; one result each, in the order given. */
    public List<SendResult> send(List<OutgoingEmail> messages) {
        return call(messages, null);
    }

    /**
     * Has Mailjet check the messages without delivering them ({@code SandboxMode}): the same refusals as a send, and
     * no message ids.
     */
    public List<SendResult> check(List<OutgoingEmail> messages) {
        return call(messages, true);
    }

    /**
     * The ids of Mailjet's messages sent with this {@code CustomID} ({@code GET /v3/REST/message?CustomID=...}): how a
     * message whose send answer was lost is found. Empty when Mailjet has none, which is proof only once its message
     * list had time to catch up with the send. A failed look-up is an {@link EmailProviderException}.
     */
    public List<String> lookUp(String customId) {
        URI uri = org.springframework.web.util.UriComponentsBuilder.fromUri(messages).queryParam("CustomID", customId)
                .queryParam("Limit", 10).encode().build().toUri();
        MailjetWire.MessageList found;
        try {
            found = http.call(rest -> rest.get().uri(uri)
                    .headers(h -> h.setBasicAuth(apiKey, secretKey, StandardCharsets.UTF_8))
                    .retrieve().body(MailjetWire.MessageList.class));
        } catch (OutboundException e) {
            throw EmailProviderException.of(PROVIDER, e, e.status() == 401
                    ? "refused the API key and secret: the API key is wrong, or suspended" : null, null);
        }
        if (found == null || found.data() == null) {
            return List.of();
        }
        return found.data().stream().map(MailjetWire.Listed::id).filter(id -> id != null && !id.isBlank()).toList();
    }

    private List<SendResult> call(List<OutgoingEmail> messages, Boolean sandbox) {
        if (messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            throw new IllegalArgumentException("A Mailjet call takes 1 to " + MAX_MESSAGES + " messages, not "
                    + messages.size());
        }
        Set<String> keys = new HashSet<>();
        for (OutgoingEmail message : messages) {
            if (!keys.add(message.ledgerKey())) {
                throw new IllegalArgumentException("Ledger key " + message.ledgerKey() + " appears twice in one call");
            }
        }
        Send body = new Send(messages.stream().map(MailjetSendApi::message).toList(), sandbox);
        Answer answer;
        try {
            answer = http.call(rest -> rest.post().uri(send)
                    .headers(h -> h.setBasicAuth(apiKey, secretKey, StandardCharsets.UTF_8))
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Answer.class));
        } catch (OutboundException e) {
            answer = partialFailure(e);
        }
        return results(messages, answer);
    }

    /** A 400 that lists its messages is a mix of sent and refused ones; any other failure is the whole call's. */
    private static Answer partialFailure(OutboundException e) {
        if (e.status() == 400) {
            Answer answer = e.body(Answer.class).orElse(null);
            if (answer != null && answer.messages() != null && !answer.messages().isEmpty()) {
                return answer;
            }
        }
        String words = switch (e.status()) {
            case 401 -> "refused the API key and secret: the API key is wrong, or suspended";
            case 403 -> "refused the call: the API key is not allowed to send"
                    + e.serviceText().map(t -> " (" + t + ")").orElse("");
            default -> null;
        };
        throw EmailProviderException.of(PROVIDER, e, words, null);
    }

    private static List<SendResult> results(List<OutgoingEmail> messages, Answer answer) {
        if (answer == null || answer.messages() == null || answer.messages().size() != messages.size()) {
            throw new EmailProviderException(PROVIDER, "answered for " + (answer == null || answer.messages() == null
                    ? 0 : answer.messages().size()) + " messages of " + messages.size()
                    + "; the messages may have been sent", 0, false, true, null, null);
        }
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String key = messages.get(i).ledgerKey();
            Result result = answer.messages().get(i);
            if (result.customId() != null && !result.customId().isEmpty() && !result.customId().equals(key)) {
                // the order is documented; an answer out of it cannot be matched to the ledger safely
                throw new EmailProviderException(PROVIDER, "answered message " + (i + 1) + " with another CustomID"
                        + "; the messages may have been sent", 0, false, true, null, null);
            }
            results.add(result(key, result));
        }
        return results;
    }

    private static SendResult result(String key, Result result) {
        if ("success".equalsIgnoreCase(result.status())) {
            String id = result.to() == null || result.to().isEmpty() ? null : result.to().get(0).messageId();
            // the sandbox answers MessageID 0: no message exists
            return SendResult.accepted(key, id == null || id.isBlank() || id.equals("0") ? null : id);
        }
        List<MailjetWire.Error> errors = result.errors() == null ? List.of() : result.errors();
        boolean forNow = errors.stream().anyMatch(e -> e.statusCode() != null
                && (e.statusCode() == 429 || e.statusCode() >= 500));
        String reason = errors.stream().map(MailjetSendApi::words).collect(Collectors.joining("; "));
        return SendResult.refused(key, !forNow, reason.isEmpty() ? "status " + result.status() : reason);
    }

    /** {@code send-0008: the sender is not authorized (From)}: the code, Mailjet's words and the fields at fault. */
    private static String words(MailjetWire.Error error) {
        String related = error.errorRelatedTo() == null || error.errorRelatedTo().isEmpty() ? ""
                : " (" + String.join(", ", error.errorRelatedTo()) + ")";
        return (error.errorCode() == null ? "" : error.errorCode() + ": ")
                + (error.errorMessage() == null ? "refused" : error.errorMessage().strip()) + related;
    }

    private static Message message(OutgoingEmail email) {
        return new Message(address(email.from()), List.of(address(email.to())),
                email.replyTo() == null ? null : address(email.replyTo()), email.subject(), email.text(),
                email.html(), email.headers().isEmpty() ? null : email.headers(), email.ledgerKey());
    }

    private static Address address(OutgoingEmail.Mailbox mailbox) {
        return new Address(mailbox.email(), mailbox.name());
    }

    @Override
    public String toString() {
        return "MailjetSendApi[" + send + "]";
    }
}
