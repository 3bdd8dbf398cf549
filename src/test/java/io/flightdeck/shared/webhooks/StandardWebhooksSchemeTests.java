package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Standard Webhooks scheme on its own: what verifies and each way a delivery is refused. */
class StandardWebhooksSchemeTests {

    static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a-32-byte-webhook-signing-key!!!".getBytes());
    static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString("the-secret-before-the-rotation!!".getBytes());
    static final byte[] BODY = "{\"id\":\"p1\",  \"status\":\"succeeded\"}\n".getBytes(StandardCharsets.UTF_8);

    private final ReplayWindow window = ReplayWindow.of(Clock.fixed(NOW, ZoneOffset.UTC));
    private final StandardWebhooksScheme scheme = new StandardWebhooksScheme(List.of(SECRET), window);

    static WebhookRequest delivery(String id, long timestamp, String signature, byte[] body) {
        return WebhookRequest.of(Map.of("Webhook-Id", id, "Webhook-Timestamp", String.valueOf(timestamp),
                "Webhook-Signature", signature), body);
    }

    @Test
    void aSignedDeliveryVerifiesWhateverTheHeadersLetterCase() {
        long now = NOW.getEpochSecond();
        assertThatCode(() -> scheme.verify(delivery("msg_1", now, scheme.sign("msg_1", now, BODY), BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void aTamperedBodyAnotherIdOrAnotherKeyIsRefused() {
        long now = NOW.getEpochSecond();
        String good = scheme.sign("msg_1", now, BODY);
        byte[] tampered = "{\"id\":\"p1\",\"status\":\"succeeded\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> scheme.verify(delivery("msg_1", now, good, tampered)))
                .isInstanceOf(WebhookRejectedException.class).hasMessage("No signature matches the delivery");
        assertThatThrownBy(() -> scheme.verify(delivery("msg_2", now, good, BODY)))
                .isInstanceOf(WebhookRejectedException.class);
        String otherKey = new StandardWebhooksScheme(List.of(OLD_SECRET), window).sign("msg_1", now, BODY);
        assertThatThrownBy(() -> scheme.verify(delivery("msg_1", now, otherKey, BODY)))
                .isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> scheme.verify(delivery("msg_1", now, "v2," + good.substring(3), BODY)))
                .as("only v1 signatures count").isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> scheme.verify(delivery("msg_1", now, "v1,not*base64", BODY)))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void duringARotationEitherSecretAndAnyListedSignatureWillDo() {
        long now = NOW.getEpochSecond();
        var rotating = new StandardWebhooksScheme(List.of(SECRET, OLD_SECRET), window);
        String signedWithOld = new StandardWebhooksScheme(List.of(OLD_SECRET), window).sign("msg_1", now, BODY);
        String signedWithNew = scheme.sign("msg_1", now, BODY);
        assertThatCode(() -> rotating.verify(delivery("msg_1", now, signedWithOld, BODY))).doesNotThrowAnyException();
        assertThatCode(() -> rotating.verify(delivery("msg_1", now, signedWithNew, BODY))).doesNotThrowAnyException();
        // the sender signs with both while it rotates; a receiver that knows only the new secret still verifies
        assertThatCode(() -> scheme.verify(delivery("msg_1", now, signedWithOld + " " + signedWithNew, BODY)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new StandardWebhooksScheme(List.of(OLD_SECRET), window)
                .verify(delivery("msg_1", now, signedWithNew, BODY))).isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void aTimestampOutsideTheWindowEitherWayIsRefused() {
        for (long timestamp : new long[] {NOW.minus(Duration.ofMinutes(6)).getEpochSecond(),
                NOW.plus(Duration.ofMinutes(6)).getEpochSecond()}) {
            assertThatThrownBy(() -> scheme.verify(delivery("msg_1", timestamp, scheme.sign("msg_1", timestamp, BODY), BODY)))
                    .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("timestamp is 360 s from now");
        }
        long edge = NOW.minus(ReplayWindow.DEFAULT).getEpochSecond();
        assertThatCode(() -> scheme.verify(delivery("msg_1", edge, scheme.sign("msg_1", edge, BODY), BODY)))
                .doesNotThrowAnyException();
        WebhookRequest notATime = WebhookRequest.of(Map.of("webhook-id", "msg_1", "webhook-timestamp", "soon",
                "webhook-signature", "v1,x"), BODY);
        assertThatThrownBy(() -> scheme.verify(notATime)).isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("not a Unix time");
    }

    @Test
    void missingHeadersAndEmptySecretsAreRefused() {
        assertThatThrownBy(() -> scheme.verify(WebhookRequest.of(Map.of("webhook-id", "msg_1"), BODY)))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("required");
        assertThatThrownBy(() -> new StandardWebhooksScheme(List.of(), window)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandardWebhooksScheme(List.of("whsec_"), window))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
