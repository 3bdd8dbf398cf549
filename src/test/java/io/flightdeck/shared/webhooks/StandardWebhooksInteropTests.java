package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.webhooks.NodeWebhookClients.Answer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scheme against the spec's own JavaScript library, the npm package {@code standardwebhooks}: what it signs
 * verifies here and what is signed here verifies there, with a secret being rotated and with stale timestamps refused
 * both ways. The library checks its window against the real clock, so these tests sign with the real time.
 */
class StandardWebhooksInteropTests {

    static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString("a-32-byte-webhook-signing-key!!!".getBytes());
    static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString("the-secret-before-the-rotation!!".getBytes());
    static final byte[] BODY = "{\"id\": \"p1\",\n \"status\": \"succeeded\", \"note\": \"café ☕\"}".getBytes(StandardCharsets.UTF_8);

    private final ReplayWindow window = ReplayWindow.of(Clock.systemUTC());
    private final StandardWebhooksScheme scheme = new StandardWebhooksScheme(List.of(NEW_SECRET), window);

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static WebhookRequest delivery(String id, long timestamp, String signature) {
        return WebhookRequest.of(Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", signature), BODY);
    }

    @Test
    void whatTheLibrarySignsVerifiesHereAndATamperedCopyDoesNot() {
        long now = now();
        Answer signed = NodeWebhookClients.run(BODY, "standard-sign", NEW_SECRET, "msg_node", String.valueOf(now));
        assertThat(signed.ok()).as(signed.line()).isTrue();
        assertThat(signed.line()).isEqualTo(scheme.sign("msg_node", now, BODY));
        assertThatCode(() -> scheme.verify(delivery("msg_node", now, signed.line()))).doesNotThrowAnyException();
        WebhookRequest tampered = WebhookRequest.of(delivery("msg_node", now, signed.line()).headers(),
                "{\"id\": \"p1\", \"status\": \"failed\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> scheme.verify(tampered)).isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void whatIsSignedHereVerifiesInTheLibraryAndNotWithAnotherSecret() {
        long now = now();
        String signature = scheme.sign("msg_java", now, BODY);
        Answer verified = NodeWebhookClients.run(BODY, "standard-verify", NEW_SECRET, "msg_java", String.valueOf(now), signature);
        assertThat(verified).isEqualTo(new Answer(true, "verified"));
        Answer wrongKey = NodeWebhookClients.run(BODY, "standard-verify", OLD_SECRET, "msg_java", String.valueOf(now), signature);
        assertThat(wrongKey).isEqualTo(new Answer(false, "No matching signature found"));
    }

    @Test
    void duringARotationBothSecretsVerifyHereAndTheNewOneThere() {
        long now = now();
        var rotating = new StandardWebhooksScheme(List.of(NEW_SECRET, OLD_SECRET), window);
        String byOld = NodeWebhookClients.run(BODY, "standard-sign", OLD_SECRET, "msg_r", String.valueOf(now)).line();
        String byNew = NodeWebhookClients.run(BODY, "standard-sign", NEW_SECRET, "msg_r", String.valueOf(now)).line();
        assertThatCode(() -> rotating.verify(delivery("msg_r", now, byOld))).doesNotThrowAnyException();
        assertThatCode(() -> rotating.verify(delivery("msg_r", now, byNew))).doesNotThrowAnyException();
        assertThatThrownBy(() -> scheme.verify(delivery("msg_r", now, byOld))).isInstanceOf(WebhookRejectedException.class);
        // the library accepts a header listing both signatures, as a rotating sender sends it
        Answer both = NodeWebhookClients.run(BODY, "standard-verify", NEW_SECRET, "msg_r", String.valueOf(now),
                byOld + " " + rotating.sign("msg_r", now, BODY));
        assertThat(both).isEqualTo(new Answer(true, "verified"));
    }

    @Test
    void aStaleDeliveryIsRefusedHereAndThere() {
        long stale = now() - Duration.ofMinutes(10).toSeconds();
        String byNode = NodeWebhookClients.run(BODY, "standard-sign", NEW_SECRET, "msg_old", String.valueOf(stale)).line();
        assertThatThrownBy(() -> scheme.verify(delivery("msg_old", stale, byNode)))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("timestamp");
        Answer there = NodeWebhookClients.run(BODY, "standard-verify", NEW_SECRET, "msg_old", String.valueOf(stale),
                scheme.sign("msg_old", stale, BODY));
        assertThat(there).isEqualTo(new Answer(false, "Message timestamp too old"));
    }
}
