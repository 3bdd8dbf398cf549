package io.flightdeck.email.providers;

import static io.flightdeck.email.providers.FakeMailjet.API_KEY;
import static io.flightdeck.email.providers.FakeMailjet.SECRET_KEY;
import static io.flightdeck.email.providers.FakeMailjet.SENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.flightdeck.email.providers.OutgoingEmail.Mailbox;
import io.flightdeck.email.providers.SendResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MailjetSendApiTests {

    static final Map<String, String> UNSUBSCRIBE = Map.of(
            "List-Unsubscribe", "<https://flightdeck.example.com/u/tok3n>",
            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

    private FakeMailjet mailjet;
    private MailjetSendApi api;

    @BeforeEach
    void start() throws IOException {
        mailjet = new FakeMailjet();
        api = new MailjetSendApi(mailjet.base(), API_KEY, SECRET_KEY, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        mailjet.close();
    }

    static OutgoingEmail email(String ledgerKey, String to) {
        return new OutgoingEmail(ledgerKey, new Mailbox(SENDER, "Flightdeck News"), new Mailbox(to, "Ana Lima"),
                "Spring launch", "Hello Ana", "<p>Hello Ana</p>", UNSUBSCRIBE);
    }

    @Test
    void sendsTheDocumentedShapeAndReadsEachMessagesId() {
        OutgoingEmail textOnly = new OutgoingEmail("led-2", Mailbox.of(SENDER), Mailbox.of("bo@example.org"),
                "Spring launch", "Hello Bo", null, Map.of());
        List<SendResult> results = api.send(List.of(email("led-1", "ana@example.com"), textOnly));

        assertThat(results).extracting(SendResult::ledgerKey, SendResult::outcome)
                .containsExactly(tuple("led-1", Outcome.ACCEPTED),
                        tuple("led-2", Outcome.ACCEPTED));
        assertThat(results).extracting(SendResult::providerMessageId)
                .containsExactlyElementsOf(mailjet.sent().stream().map(FakeMailjet.Sent::messageId).toList());
        assertThat(results.get(0).providerMessageId()).isEqualTo("288230376151711744"); // every digit of a 64-bit id

        FakeMailjet.Call call = mailjet.calls().get(0);
        assertThat(call.httpMethod()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v3.1/send");
        assertThat(call.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (API_KEY + ":" + SECRET_KEY).getBytes(StandardCharsets.UTF_8)));
        assertThat(call.header("Content-Type")).startsWith("application/json");
        assertThat(call.json().propertyNames()).containsExactly("Messages");
        JsonNode first = call.json().path("Messages").get(0);
        assertThat(first.path("From").path("Email").asString()).isEqualTo(SENDER);
        assertThat(first.path("From").path("Name").asString()).isEqualTo("Flightdeck News");
        assertThat(first.path("To")).hasSize(1);
        assertThat(first.path("To").get(0).path("Email").asString()).isEqualTo("ana@example.com");
        assertThat(first.path("Subject").asString()).isEqualTo("Spring launch");
        assertThat(first.path("TextPart").asString()).isEqualTo("Hello Ana");
        assertThat(first.path("HTMLPart").asString()).isEqualTo("<p>Hello Ana</p>");
        assertThat(first.path("Headers").path("List-Unsubscribe-Post").asString())
                .isEqualTo("List-Unsubscribe=One-Click");
        assertThat(first.path("CustomID").asString()).isEqualTo("led-1");
        JsonNode second = call.json().path("Messages").get(1);
        assertThat(second.propertyNames()).as("nothing sent as null")
                .containsExactlyInAnyOrder("From", "To", "Subject", "TextPart", "CustomID");
        assertThat(second.path("From").has("Name")).isFalse();
    }

    @Test
    void aRefusedMessageInABatchIsRefusedAloneWhetherMailjetAnswers400Or200() {
        for (int status : List.of(400, 200)) {
            mailjet.answerMixesWith(status);
            int before = mailjet.sent().size();
            List<SendResult> results = api.send(List.of(email("a-" + status, "ana@example.com"),
                    email("b-" + status, "not-an-address"), email("c-" + status, "carla@example.net")));

            assertThat(results).extracting(SendResult::outcome).as("HTTP " + status)
                    .containsExactly(Outcome.ACCEPTED, Outcome.REFUSED_PERMANENTLY, Outcome.ACCEPTED);
            assertThat(results.get(1).ledgerKey()).isEqualTo("b-" + status);
            assertThat(results.get(1).reason()).isEqualTo("mj-0013: The email address is invalid. (To[0].Email)");
            assertThat(results.get(1).providerMessageId()).isNull();
            assertThat(mailjet.sent()).hasSize(before + 2);
        }
    }

    @Test
    void aSenderNotAuthorizedIsRefusedForGoodAndMailjetsOwnFailureForNow() {
        OutgoingEmail stranger = new OutgoingEmail("led-x", Mailbox.of("someone@elsewhere.example"),
                Mailbox.of("ana@example.com"), "Hi", "Hi", null, Map.of());
        SendResult refused = api.send(List.of(stranger)).get(0);
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED_PERMANENTLY);
        assertThat(refused.reason()).startsWith("send-0008: ").endsWith("(From)");

        mailjet.answerNext(400, """
                {"Messages":[{"Status":"error","Errors":[{"ErrorIdentifier":"f987008f","ErrorCode":"send-0099",
                "StatusCode":503,"ErrorMessage":"Try again later","ErrorRelatedTo":[]}]}]}""");
        SendResult forNow = api.send(List.of(email("led-y", "ana@example.com"))).get(0);
        assertThat(forNow.outcome()).isEqualTo(Outcome.REFUSED_FOR_NOW);
        assertThat(forNow.reason()).isEqualTo("send-0099: Try again later");
    }

    @Test
    void aWrongKeyIsPermanentAndNeverShown() {
        MailjetSendApi wrong = new MailjetSendApi(mailjet.base(), API_KEY, "not-the-secret", Duration.ofSeconds(5));
        EmailProviderException e = catchThrowableOfType(EmailProviderException.class,
                () -> wrong.send(List.of(email("led-1", "ana@example.com"))));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.permanent()).isTrue();
        assertThat(e.mayHaveSent()).isFalse();
        assertThat(e).hasMessageContaining("the API key is wrong").hasMessageNotContaining("not-the-secret")
                .hasMessageNotContaining(API_KEY);
        assertThat(wrong.toString()).doesNotContain(API_KEY, "not-the-secret");
        assertThat(mailjet.sent()).isEmpty();
    }

    @Test
    void a429IsRetryableAfterTheWaitMailjetAskedForAndA5xxIsRetryable() {
        mailjet.throttle(1, 7);
        EmailProviderException limited = catchThrowableOfType(EmailProviderException.class,
                () -> api.send(List.of(email("led-1", "ana@example.com"))));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.permanent()).isFalse();
        assertThat(limited.mayHaveSent()).isFalse();
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(api.send(List.of(email("led-1", "ana@example.com"))).get(0).accepted()).isTrue();

        mailjet.answerNext(503, "{\"ErrorIdentifier\":\"06df1144\",\"StatusCode\":503,\"ErrorMessage\":\"Down\"}");
        EmailProviderException down = catchThrowableOfType(EmailProviderException.class,
                () -> api.send(List.of(email("led-2", "ana@example.com"))));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.permanent()).isFalse();
        assertThat(down).hasMessageContaining("Down");
    }

    @Test
    void aGlobalRefusalIsPermanentAndAnAnswerThatCannotBeMatchedLeavesTheMessagesInDoubt() {
        mailjet.answerNext(400, "{\"ErrorIdentifier\":\"06df1144\",\"ErrorCode\":\"mj-0002\",\"ErrorMessage\":"
                + "\"Malformed JSON, please review the syntax and properties types.\",\"StatusCode\":400}");
        EmailProviderException malformed = catchThrowableOfType(EmailProviderException.class,
                () -> api.send(List.of(email("led-1", "ana@example.com"))));
        assertThat(malformed.permanent()).isTrue();
        assertThat(malformed).hasMessageContaining("Malformed JSON");

        mailjet.answerNext(200, "{\"Messages\":[]}");
        EmailProviderException unmatched = catchThrowableOfType(EmailProviderException.class,
                () -> api.send(List.of(email("led-2", "ana@example.com"))));
        assertThat(unmatched.mayHaveSent()).isTrue();
        assertThat(unmatched.permanent()).isFalse();
    }

    @Test
    void anUnreachableMailjetIsRetryableAndSentNothing() {
        URI base = mailjet.base();
        mailjet.close();
        EmailProviderException e = catchThrowableOfType(EmailProviderException.class,
                () -> new MailjetSendApi(base, API_KEY, SECRET_KEY, Duration.ofSeconds(2))
                        .send(List.of(email("led-1", "ana@example.com"))));
        assertThat(e.permanent()).isFalse();
        assertThat(e.mayHaveSent()).isFalse();
        assertThat(e.status()).isZero();
    }

    @Test
    void fiftyMessagesGoInOneCallAndMoreAreRefusedBeforeTheCall() {
        List<OutgoingEmail> fifty = IntStream.range(0, 50).mapToObj(i -> email("led-" + i, "r" + i + "@example.com"))
                .toList();
        assertThat(api.send(fifty)).allMatch(SendResult::accepted).hasSize(50);

        List<OutgoingEmail> fiftyOne = IntStream.range(0, 51).mapToObj(i -> email("k-" + i, "r" + i + "@example.com"))
                .toList();
        assertThatThrownBy(() -> api.send(fiftyOne)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.send(List.of(email("same", "a@example.com"), email("same", "b@example.com"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThat(mailjet.calls()).hasSize(1);
    }

    @Test
    void theFakeRefusesWhatMailjetRefuses() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        String message = "{\"From\":{\"Email\":\"" + SENDER + "\"},\"To\":[{\"Email\":\"a@example.com\"}],"
                + "\"TextPart\":\"Hi\"}";
        String tooMany = IntStream.range(0, 51).mapToObj(i -> message).collect(Collectors.joining(",",
                "{\"Messages\":[", "]}"));
        HttpResponse<String> over = post(tooMany);
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(json.readTree(over.body()).path("ErrorCode").asString()).isEqualTo("mj-0008");

        HttpResponse<String> misspelt = post("{\"Messages\":[{\"From\":{\"Email\":\"" + SENDER + "\"},"
                + "\"To\":[{\"Email\":\"a@example.com\"}],\"HtmlPart\":\"<p>Hi</p>\",\"Headers\":{\"X-MJ-CustomID\":"
                + "\"x\"}}]}");
        JsonNode errors = json.readTree(misspelt.body()).path("Messages").get(0).path("Errors");
        assertThat(errors.findValuesAsString("ErrorCode"))
                .containsExactlyInAnyOrder("fake-unknown-property", "send-0003", "send-0011");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(mailjet.base().resolve("v3.1/send"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (API_KEY + ":" + SECRET_KEY).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void checkingInTheSandboxDeliversNothingAndHasNoIds() {
        List<SendResult> results = api.check(List.of(email("led-1", "ana@example.com"),
                email("led-2", "not-an-address")));

        assertThat(mailjet.calls().get(0).json().path("SandboxMode").asBoolean()).isTrue();
        assertThat(results).extracting(SendResult::outcome)
                .containsExactly(Outcome.ACCEPTED, Outcome.REFUSED_PERMANENTLY);
        assertThat(results.get(0).providerMessageId()).isNull();
        assertThat(mailjet.sent()).isEmpty();
    }

    @Test
    void anOutgoingEmailKeepsItsPersonalDataOutOfToStringAndRefusesHeadersItSetsItself() {
        OutgoingEmail email = email("led-1", "ana@example.com");
        assertThat(email.toString()).doesNotContain("ana@example.com", "Ana", "Hello").contains("led-1");
        assertThatThrownBy(() -> new OutgoingEmail("led-1", Mailbox.of(SENDER), Mailbox.of("a@example.com"), "Hi",
                "Hi", null, Map.of("Subject", "Other"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingEmail("led-1", Mailbox.of(SENDER), Mailbox.of("a@example.com"), "Hi",
                " ", null, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void looksMessagesUpByTheirCustomIdWithTheSameCredentials() {
        List<SendResult> sent = api.send(List.of(email("led-look-1", "ana@example.org")));
        assertThat(api.lookUp("led-look-1")).containsExactly(sent.get(0).providerMessageId());
        assertThat(api.lookUp("led-never-sent")).isEmpty();
        FakeMailjet.Call call = mailjet.calls().get(mailjet.calls().size() - 1);
        assertThat(call.httpMethod()).isEqualTo("GET");
        assertThat(call.path()).isEqualTo("/v3/REST/message");
        assertThat(call.header("Authorization")).startsWith("Basic ");

        MailjetSendApi wrongKey = new MailjetSendApi(mailjet.base(), API_KEY, "wrong", Duration.ofSeconds(5));
        EmailProviderException refused = org.junit.jupiter.api.Assertions.assertThrows(EmailProviderException.class,
                () -> wrongKey.lookUp("led-look-1"));
        assertThat(refused.permanent()).isTrue();
        assertThat(refused.getMessage()).contains("API key");
    }
}
