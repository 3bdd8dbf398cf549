package io.flightdeck.email.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.flightdeck.email.providers.ProviderEvent.Kind;
import io.flightdeck.email.providers.ProviderEvent.Provider;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.webhooks.EcdsaHeaderScheme;
import io.flightdeck.shared.webhooks.WebhookRejectedException;
import io.flightdeck.shared.webhooks.WebhookRequest;
import org.junit.jupiter.api.Test;

/**
 * SendGrid's Event Webhook posts, in the shapes of sendgrid/docs content/docs/for-developers/tracking-events/event.md
 * (every event type, bounce with type bounce or blocked, custom arguments at the top level of each event), signed as
 * SendGrid's Signed Event Webhook signs them and checked by the webhook kit's {@link EcdsaHeaderScheme#sendGrid}. The
 * values are this test's.
 */
class SendGridEventsTests {

    static final String ARG = SendGridMailApi.LEDGER_KEY_ARG;
    static final String MESSAGE = "\"email\":\"ana@example.com\",\"smtp-id\":\"<m1@flightdeck.example.com>\","
            + "\"sg_message_id\":\"Qx2kVw4bSs6pYl3Hn8TmAg.filterdrecv-7d9f-1-6565-2A-0\",\"category\":\"spring\",\""
            + ARG + "\":\"led-1\"";
    static final String EVENTS = "["
            + event("processed", "ev-processed", "") + ","
            + event("deferred", "ev-deferred", ",\"response\":\"421 try again later\",\"attempt\":\"2\"") + ","
            + event("delivered", "ev-delivered", ",\"response\":\"250 OK\"") + ","
            + event("open", "ev-open", ",\"useragent\":\"Mozilla/5.0 (X11)\",\"ip\":\"192.0.2.10\","
                    + "\"sg_machine_open\":false") + ","
            + event("click", "ev-click", ",\"useragent\":\"Mozilla/5.0 (X11)\",\"ip\":\"192.0.2.10\","
                    + "\"url\":\"https://flightdeck.example.com/spring\",\"url_offset\":{\"index\":0,\"type\":\"html\"}")
            + "," + event("bounce", "ev-bounce", ",\"reason\":\"550 5.1.1 unknown user\",\"status\":\"5.1.1\","
                    + "\"type\":\"bounce\"") + ","
            + event("bounce", "ev-blocked", ",\"reason\":\"421 rate limited\",\"status\":\"4.7.0\",\"type\":\"blocked\"")
            + "," + event("dropped", "ev-dropped", ",\"reason\":\"Bounced Address\",\"status\":\"5.0.0\"") + ","
            + event("spamreport", "ev-spam", "") + ","
            + event("unsubscribe", "ev-unsub", "") + ","
            + event("group_unsubscribe", "ev-group-unsub", ",\"asm_group_id\":10") + ","
            + event("group_resubscribe", "ev-group-resub", ",\"asm_group_id\":10")
            + "]\r\n";

    private static String event(String type, String id, String extra) {
        return "{" + MESSAGE + ",\"timestamp\":1764298800,\"event\":\"" + type + "\",\"sg_event_id\":\"" + id + "\""
                + extra + "}";
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyDocumentedEventHasItsKindAndThoseWithoutOneAreSkipped() {
        List<ProviderEvent> events = SendGridEvents.parse(bytes(EVENTS));

        assertThat(events).extracting(ProviderEvent::kind).containsExactly(Kind.DEFERRED, Kind.DELIVERED, Kind.OPENED,
                Kind.CLICKED, Kind.BOUNCED_HARD, Kind.BOUNCED_SOFT, Kind.DROPPED, Kind.COMPLAINED, Kind.UNSUBSCRIBED,
                Kind.UNSUBSCRIBED);
        assertThat(events).extracting(ProviderEvent::dedupKey).containsExactly("ev-deferred", "ev-delivered",
                "ev-open", "ev-click", "ev-bounce", "ev-blocked", "ev-dropped", "ev-spam", "ev-unsub", "ev-group-unsub");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.provider()).isEqualTo(Provider.SENDGRID);
            assertThat(event.ledgerKey()).isEqualTo("led-1");
            assertThat(event.providerMessageId()).isEqualTo("Qx2kVw4bSs6pYl3Hn8TmAg.filterdrecv-7d9f-1-6565-2A-0");
            assertThat(event.email()).isEqualTo("ana@example.com");
            assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(1764298800));
        });
        ProviderEvent click = events.get(3);
        assertThat(click.url()).isEqualTo("https://flightdeck.example.com/spring");
        assertThat(click.userAgent()).isEqualTo("Mozilla/5.0 (X11)");
        assertThat(click.ip()).isEqualTo("192.0.2.10");
        assertThat(click.toString()).doesNotContain("ana@example.com", "192.0.2.10", "Mozilla");
    }

    @Test
    void aBounceWithoutTypeIsHardAndAnEventWithoutIdGetsAStableKey() {
        String old = "[{\"email\":\"bo@example.org\",\"timestamp\":\"1337966815\",\"event\":\"bounce\","
                + "\"sg_message_id\":\"m2.filter0001\"}]";
        List<ProviderEvent> events = SendGridEvents.parse(bytes(old));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(Kind.BOUNCED_HARD);
            assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(1337966815));
            assertThat(event.ledgerKey()).isNull();
            assertThat(event.dedupKey()).startsWith("sha256:");
        });
        assertThat(SendGridEvents.parse(bytes(old)).get(0).dedupKey()).isEqualTo(events.get(0).dedupKey());
    }

    @Test
    void aMalformedBodyIsInvalidInput() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> SendGridEvents.parse(bytes("[{")))
                .field()).isEqualTo("body");
        InvalidInputException noTime = catchThrowableOfType(InvalidInputException.class,
                () -> SendGridEvents.parse(bytes("[{\"event\":\"delivered\",\"email\":\"ana@example.com\"}]")));
        assertThat(noTime.field()).isEqualTo("events[0].timestamp");
        assertThat(noTime).hasMessageNotContaining("ana@example.com");
        assertThatThrownBy(() -> SendGridEvents.parse(bytes("\"delivered\""))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPostSignedAsSendGridSignsIsVerifiedByTheWebhookKitThenRead() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        // what SendGrid shows as the verification key: the public key, base64 DER
        String verificationKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        String timestamp = "1764298805";
        byte[] body = bytes(EVENTS);
        String signature = sign(keys, timestamp, body);
        EcdsaHeaderScheme scheme = EcdsaHeaderScheme.sendGrid(List.of(verificationKey),
                Clock.fixed(Instant.ofEpochSecond(1764298805 + 299), ZoneOffset.UTC));

        WebhookRequest post = delivery(signature, timestamp, body);
        assertThatCode(() -> scheme.verify(post)).doesNotThrowAnyException();
        assertThat(SendGridEvents.parse(post.body())).hasSize(10);

        byte[] tampered = bytes(EVENTS.replace("\"open\"", "\"click\""));
        assertThatThrownBy(() -> scheme.verify(delivery(signature, timestamp, tampered)))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> scheme.verify(delivery(signature, "1764298806", body)))
                .as("the timestamp is signed").isInstanceOf(WebhookRejectedException.class);
        EcdsaHeaderScheme later = EcdsaHeaderScheme.sendGrid(List.of(verificationKey),
                Clock.fixed(Instant.ofEpochSecond(1764298805 + 301), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.verify(post)).as("older than 300 s").isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("timestamp");
    }

    private static String sign(KeyPair keys, String timestamp, byte[] body) throws Exception {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(keys.getPrivate());
        ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
        ecdsa.update(body);
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    private static WebhookRequest delivery(String signature, String timestamp, byte[] body) {
        return WebhookRequest.of(Map.of("X-Twilio-Email-Event-Webhook-Signature", signature,
                "X-Twilio-Email-Event-Webhook-Timestamp", timestamp, "Content-Type", "application/json"), body);
    }
}
