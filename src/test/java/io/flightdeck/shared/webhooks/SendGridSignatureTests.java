package io.flightdeck.shared.webhooks;

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

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.shared.webhooks.NodeWebhookClients.Answer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SendGrid's Signed Event Webhook through {@link EcdsaHeaderScheme#sendGrid}: the example in SendGrid's own library
 * tests, a payload signed here with a fresh P-256 key and checked by SendGrid's official verifier (the npm package
 * {@code @sendgrid/eventwebhook}), and a signature made by Node's crypto checked here.
 */
class SendGridSignatureTests {

    // the example in @sendgrid/eventwebhook's own tests
    static final String SENDGRID_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBce"
            + "pxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==";
    static final String SENDGRID_SIGNATURE = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=";
    static final String SENDGRID_TIMESTAMP = "1588788367";
    static final byte[] SENDGRID_PAYLOAD = "{\"category\":\"example_payload\",\"event\":\"test_event\",\"message_id\":\"message_id\"}"
            .getBytes(StandardCharsets.UTF_8);

    static final byte[] EVENTS = ("[{\"email\":\"ana@example.com\",\"timestamp\":1764298800,\"event\":\"delivered\","
            + "\"sg_event_id\":\"ZGVsaXZlcmVk\",\"sg_message_id\":\"m1.filter0001\"}]\r\n").getBytes(StandardCharsets.UTF_8);

    private static EcdsaHeaderScheme sendGrid(String key, long now) {
        return EcdsaHeaderScheme.sendGrid(List.of(key), Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
    }

    private static WebhookRequest delivery(String signature, String timestamp, byte[] body) {
        return WebhookRequest.of(Map.of("X-Twilio-Email-Event-Webhook-Signature", signature,
                "X-Twilio-Email-Event-Webhook-Timestamp", timestamp), body);
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String sign(KeyPair keys, String timestamp, byte[] body) throws Exception {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(keys.getPrivate());
        ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
        ecdsa.update(body);
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    @Test
    void sendGridsOwnExampleVerifies() {
        EcdsaHeaderScheme scheme = sendGrid(SENDGRID_KEY, Long.parseLong(SENDGRID_TIMESTAMP) + 60);
        assertThatCode(() -> scheme.verify(delivery(SENDGRID_SIGNATURE, SENDGRID_TIMESTAMP, SENDGRID_PAYLOAD)))
                .doesNotThrowAnyException();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + SENDGRID_KEY + "\n-----END PUBLIC KEY-----\n";
        assertThatCode(() -> sendGrid(pem, Long.parseLong(SENDGRID_TIMESTAMP))
                .verify(delivery(SENDGRID_SIGNATURE, SENDGRID_TIMESTAMP, SENDGRID_PAYLOAD))).doesNotThrowAnyException();
    }

    @Test
    void whatIsSignedHereSendGridsVerifierAcceptsAndATamperedCopyItRefuses() throws Exception {
        KeyPair keys = p256();
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        String timestamp = "1764298805";
        String signature = sign(keys, timestamp, EVENTS);

        assertThat(NodeWebhookClients.run(EVENTS, "sendgrid-verify", publicKey, signature, timestamp))
                .isEqualTo(new Answer(true, "true"));
        byte[] tampered = new String(EVENTS, StandardCharsets.UTF_8).replace("delivered", "bounce").getBytes(StandardCharsets.UTF_8);
        assertThat(NodeWebhookClients.run(tampered, "sendgrid-verify", publicKey, signature, timestamp))
                .isEqualTo(new Answer(true, "false"));
        assertThatCode(() -> sendGrid(publicKey, 1764298805).verify(delivery(signature, timestamp, EVENTS)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSignatureMadeByNodesCryptoVerifiesHere() {
        String timestamp = "1764298805";
        Answer signed = NodeWebhookClients.run(EVENTS, "sendgrid-sign", timestamp);
        assertThat(signed.ok()).as(signed.line()).isTrue();
        String publicKey = JsonPath.read(signed.line(), "$.publicKey");
        String signature = JsonPath.read(signed.line(), "$.signature");
        assertThatCode(() -> sendGrid(publicKey, 1764298805).verify(delivery(signature, timestamp, EVENTS)))
                .doesNotThrowAnyException();
    }

    @Test
    void aTamperedBodyAWrongKeyAStaleTimestampOrAMalformedSignatureIsRefused() throws Exception {
        KeyPair keys = p256();
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        String timestamp = "1764298805";
        String signature = sign(keys, timestamp, EVENTS);
        EcdsaHeaderScheme scheme = sendGrid(publicKey, 1764298805);

        byte[] tampered = new String(EVENTS, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scheme.verify(delivery(signature, timestamp, tampered)))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("No signature matches the delivery");
        assertThatThrownBy(() -> scheme.verify(delivery(signature, "1764298806", EVENTS)))
                .as("the timestamp is signed").isInstanceOf(WebhookRejectedException.class);
        String otherKey = Base64.getEncoder().encodeToString(p256().getPublic().getEncoded());
        assertThatThrownBy(() -> sendGrid(otherKey, 1764298805).verify(delivery(signature, timestamp, EVENTS)))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> sendGrid(publicKey, 1764298805 + 600).verify(delivery(signature, timestamp, EVENTS)))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> scheme.verify(delivery("bm90IGEgc2lnbmF0dXJl", timestamp, EVENTS)))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> scheme.verify(delivery("***", timestamp, EVENTS)))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> scheme.verify(WebhookRequest.of(Map.of(), EVENTS)))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("required");

        // the key being replaced and its successor: either verifies
        EcdsaHeaderScheme both = EcdsaHeaderScheme.sendGrid(List.of(otherKey, publicKey),
                Clock.fixed(Instant.ofEpochSecond(1764298805), ZoneOffset.UTC));
        assertThatCode(() -> both.verify(delivery(signature, timestamp, EVENTS))).doesNotThrowAnyException();
    }

    @Test
    void aKeyThatIsNotAP256PublicKeyIsAConfigurationError() {
        assertThatThrownBy(() -> sendGrid("bm90IGEga2V5", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcdsaHeaderScheme.sendGrid(List.of(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
