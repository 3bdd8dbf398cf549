package io.flightdeck.email.providers;

import static io.flightdeck.email.providers.FakeSendGrid.API_KEY;
import static io.flightdeck.email.providers.FakeSendGrid.SENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.flightdeck.email.providers.OutgoingEmail.Mailbox;
import io.flightdeck.email.providers.SendResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SendGridMailApiTests {

    static final Instant NOW = Instant.parse("2026-03-14T17:00:00Z");

    private FakeSendGrid sendGrid;
    private SendGridMailApi api;

    @BeforeEach
    void start() throws IOException {
        sendGrid = new FakeSendGrid();
        api = new SendGridMailApi(sendGrid.base(), API_KEY, Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        sendGrid.close();
    }

    static OutgoingEmail email(String ledgerKey, String to) {
        return new OutgoingEmail(ledgerKey, new Mailbox(SENDER, "Flightdeck News"), new Mailbox(to, "Ana Lima"),
                "Spring launch", "Hello Ana", "<p>Hello Ana</p>", MailjetSendApiTests.UNSUBSCRIBE);
    }

    @Test
    void sendsOnePersonalizationWithTheLedgerKeyAndPlainTextFirstAndReadsTheMessageId() {
        SendResult result = api.send(email("led-1", "ana@example.com"));

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.ledgerKey()).isEqualTo("led-1");
        assertThat(result.providerMessageId()).isEqualTo(sendGrid.accepted().get(0).messageId()).hasSize(22);
        FakeSendGrid.Call call = sendGrid.calls().get(0);
        assertThat(call.httpMethod()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v3/mail/send");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(call.header("Content-Type")).startsWith("application/json");
        JsonNode mail = call.json();
        assertThat(mail.path("personalizations")).hasSize(1);
        JsonNode personalization = mail.path("personalizations").get(0);
        assertThat(personalization.path("to")).hasSize(1);
        assertThat(personalization.path("to").get(0).path("email").asString()).isEqualTo("ana@example.com");
        assertThat(personalization.path("to").get(0).path("name").asString()).isEqualTo("Ana Lima");
        assertThat(personalization.path("subject").asString()).isEqualTo("Spring launch");
        assertThat(personalization.path("headers").path("List-Unsubscribe").asString())
                .isEqualTo("<https://flightdeck.example.com/u/tok3n>");
        assertThat(personalization.path("custom_args").path(SendGridMailApi.LEDGER_KEY_ARG).asString())
                .isEqualTo("led-1");
        assertThat(mail.path("from").path("email").asString()).isEqualTo(SENDER);
        assertThat(mail.path("content").findValuesAsString("type")).containsExactly("text/plain", "text/html");
        assertThat(mail.path("content").get(0).path("value").asString()).isEqualTo("Hello Ana");
    }

    @Test
    void oneClickUnsubscribeTravelsOnlyBesideAnHttpsUnsubscribeAddress() {
        // RFC 8058: List-Unsubscribe-Post needs an https List-Unsubscribe; an http one (a laptop install) keeps the link
        api.send(new OutgoingEmail("led-http", Mailbox.of(SENDER), Mailbox.of("cy@example.org"), "Hi", "Hi", null,
                Map.of("List-Unsubscribe", "<http://localhost:8080/t/u/tok3n>", "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click")));
        api.send(email("led-https", "di@example.org"));
        JsonNode http = sendGrid.calls().get(0).json().path("personalizations").get(0).path("headers");
        assertThat(http.path("List-Unsubscribe").asString()).isEqualTo("<http://localhost:8080/t/u/tok3n>");
        assertThat(http.has("List-Unsubscribe-Post")).isFalse();
        JsonNode https = sendGrid.calls().get(1).json().path("personalizations").get(0).path("headers");
        assertThat(https.path("List-Unsubscribe-Post").asString()).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void anHtmlOnlyMessageHasOneContentBlockAndNoHeadersWhenItHasNone() {
        api.send(new OutgoingEmail("led-2", Mailbox.of(SENDER), Mailbox.of("bo@example.org"), "Hi", null, "<p>Hi</p>",
                Map.of()));

        JsonNode mail = sendGrid.calls().get(0).json();
        assertThat(mail.path("content").findValuesAsString("type")).containsExactly("text/html");
        assertThat(mail.path("personalizations").get(0).has("headers")).isFalse();
        assertThat(mail.path("from").has("name")).isFalse();
    }

    @Test
    void aMessageSendGridRefusesIsRefusedForGoodWithItsWordsAndField() {
        SendResult refused = api.send(email("led-3", "not-an-address"));

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED_PERMANENTLY);
        assertThat(refused.reason()).isEqualTo("Does not contain a valid address. (personalizations.0.to.0.email)");
        assertThat(sendGrid.accepted()).isEmpty();

        sendGrid.limitBodyTo(100);
        SendResult tooLarge = api.send(email("led-4", "ana@example.com"));
        assertThat(tooLarge.outcome()).isEqualTo(Outcome.REFUSED_PERMANENTLY);
        assertThat(tooLarge.reason()).isEqualTo("Payload too large");
    }

    @Test
    void aWrongKeyOrAnUnverifiedSenderStopsTheWholeRunAndTheKeyIsNeverShown() {
        SendGridMailApi wrong = new SendGridMailApi(sendGrid.base(), "SG.wrong.key", Duration.ofSeconds(5));
        EmailProviderException unauthorized = catchThrowableOfType(EmailProviderException.class,
                () -> wrong.send(email("led-1", "ana@example.com")));
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.permanent()).isTrue();
        assertThat(unauthorized).hasMessageContaining("refused the API key").hasMessageNotContaining("SG.wrong.key");
        assertThat(api.toString()).doesNotContain(API_KEY);

        EmailProviderException unverified = catchThrowableOfType(EmailProviderException.class,
                () -> api.send(new OutgoingEmail("led-2", Mailbox.of("someone@elsewhere.example"),
                        Mailbox.of("ana@example.com"), "Hi", "Hi", null, Map.of())));
        assertThat(unverified.status()).isEqualTo(403);
        assertThat(unverified.permanent()).isTrue();
        assertThat(unverified).hasMessageContaining("verified Sender Identity");
    }

    @Test
    void a429WaitsUntilTheRateLimitResetsAndA5xxIsRetryable() {
        sendGrid.throttle(1, NOW.getEpochSecond() + 42);
        EmailProviderException limited = catchThrowableOfType(EmailProviderException.class,
                () -> api.send(email("led-1", "ana@example.com")));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.permanent()).isFalse();
        assertThat(limited.mayHaveSent()).isFalse();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(42));
        assertThat(limited).hasMessageContaining("too many requests");
        assertThat(api.send(email("led-1", "ana@example.com")).accepted()).isTrue();

        sendGrid.answerNext(500, "internal error");
        EmailProviderException failed = catchThrowableOfType(EmailProviderException.class,
                () -> api.send(email("led-2", "ana@example.com")));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.permanent()).isFalse();
        assertThat(failed.retryAfter()).isEmpty();
    }

    @Test
    void anUnreachableSendGridIsRetryableAndSentNothing() {
        URI base = sendGrid.base();
        sendGrid.close();
        EmailProviderException e = catchThrowableOfType(EmailProviderException.class,
                () -> new SendGridMailApi(base, API_KEY, Duration.ofSeconds(2)).send(email("led-1", "a@example.com")));
        assertThat(e.permanent()).isFalse();
        assertThat(e.mayHaveSent()).isFalse();
    }

    @Test
    void theFakeRefusesHtmlBeforeTextAndReservedHeadersAsSendGridDoes() throws Exception {
        String mail = """
                {"personalizations":[{"to":[{"email":"a@example.com"}],"headers":{"Subject":"x"}}],
                 "from":{"email":"%s"},"subject":"Hi",
                 "content":[{"type":"text/html","value":"<p>Hi</p>"},{"type":"text/plain","value":"Hi"}]}"""
                .formatted(SENDER);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                sendGrid.base().resolve("v3/mail/send")).header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(mail)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode errors = JsonMapper.builder().build().readTree(answer.body()).path("errors");
        assertThat(errors.findValuesAsString("message")).containsExactlyInAnyOrder(FakeSendGridChecks.ORDER,
                "Header can not be one of the reserved keys.");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("content",
                "personalizations.0.headers");
    }
}
