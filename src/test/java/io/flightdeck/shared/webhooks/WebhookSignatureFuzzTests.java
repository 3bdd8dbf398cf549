package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flightdeck.support.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any headers and body for each signature scheme: a delivery is accepted or refused with a
 * {@link WebhookRejectedException} (401), never another exception; one signed the sender's way within the window is
 * accepted, and an accepted one carries the signature the sender would have made. The fuzzer chooses, per input, a
 * scheme, which headers are there, whether each is signed or its own text, and the body.
 */
class WebhookSignatureFuzzTests {

    private static final long NOW = 1_795_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString("standard-secret-32-bytes-long!!!"
            .getBytes(StandardCharsets.UTF_8));
    private static final StandardWebhooksScheme STANDARD = new StandardWebhooksScheme(List.of(WHSEC),
            ReplayWindow.of(CLOCK));
    private static final HmacHeaderScheme SLACK = HmacHeaderScheme.slack(List.of("slack-signing-secret"), CLOCK);
    private static final HmacHeaderScheme META = HmacHeaderScheme.meta(List.of("meta-app-secret"));
    private static final BasicAuthScheme MAILJET = new BasicAuthScheme(List.of("mailjet:password"));
    private static final KeyPair SENDGRID_KEYS = p256();
    private static final EcdsaHeaderScheme SENDGRID = EcdsaHeaderScheme.sendGrid(List.of(Base64.getEncoder()
            .encodeToString(SENDGRID_KEYS.getPublic().getEncoded())), CLOCK);

    @FuzzTest(maxDuration = Fuzzing.SUITE_DURATION)
    @DictionaryEntries({"v1,", "v0=", "sha256=", "Basic ", "whsec_", "1795000000", "-", " ", "=="})
    void aDeliveryIsAcceptedOnlyWhenSignedAndOtherwiseRefused(FuzzedDataProvider data) throws GeneralSecurityException {
        int scheme = data.consumeInt(0, 4);
        boolean sign = data.consumeBoolean();
        long timestamp = NOW + data.consumeLong(-400, 400);
        String ownTimestamp = data.consumeBoolean() ? null : data.consumeString(24);
        String ownSignature = data.consumeBoolean() ? null : data.consumeString(200);
        String id = data.consumeString(40);
        byte[] body = data.consumeRemainingAsBytes();
        String time = ownTimestamp != null ? ownTimestamp : Long.toString(timestamp);
        Map<String, String> headers = new LinkedHashMap<>();
        String signed;
        SignatureScheme verifier;
        switch (scheme) {
            case 0 -> {
                verifier = STANDARD;
                signed = STANDARD.sign(id, parsedOr(time, 0), body);
                headers.put(StandardWebhooksScheme.ID, id);
                headers.put(StandardWebhooksScheme.TIMESTAMP, time);
                headers.put(StandardWebhooksScheme.SIGNATURE, sign ? signed : ownSignature);
            }
            case 1 -> {
                verifier = SLACK;
                signed = SLACK.sign(time, body);
                headers.put("X-Slack-Request-Timestamp", time);
                headers.put("X-Slack-Signature", sign ? signed : ownSignature);
            }
            case 2 -> {
                verifier = META;
                signed = META.sign(null, body);
                headers.put("X-Hub-Signature-256", sign ? signed : ownSignature);
            }
            case 3 -> {
                verifier = SENDGRID;
                signed = null; // ECDSA signatures differ each time; whether one verifies is the JDK's to say
                headers.put("X-Twilio-Email-Event-Webhook-Timestamp", time);
                headers.put("X-Twilio-Email-Event-Webhook-Signature", sign ? ecdsa(time, body) : ownSignature);
            }
            default -> {
                verifier = MAILJET;
                signed = "Basic " + Base64.getEncoder().encodeToString("mailjet:password".getBytes(StandardCharsets.UTF_8));
                headers.put("Authorization", sign ? signed : ownSignature);
            }
        }
        headers.values().removeIf(v -> v == null);
        boolean inWindow = ownTimestamp == null ? Math.abs(timestamp - NOW) <= 300 : inWindow(ownTimestamp);
        boolean accepted;
        try {
            verifier.verify(WebhookRequest.of(headers, body));
            accepted = true;
        } catch (WebhookRejectedException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            accepted = false;
        }
        if (sign && (inWindow || scheme == 2 || scheme == 4)) {
            assertThat(accepted).as("signed the sender's way, in the window").isTrue();
        }
        if (accepted && !sign && signed != null) {
            assertThat(carries(scheme, headers, signed)).as("accepted only with the secret's signature: %s", headers)
                    .isTrue();
        }
    }

    /** Whether the delivery's header holds the signature made with the secret, in any spelling of the same bytes. */
    private static boolean carries(int scheme, Map<String, String> headers, String signed) {
        try {
            return switch (scheme) {
                case 0 -> Arrays.stream(headers.get(StandardWebhooksScheme.SIGNATURE).strip().split("\\s+"))
                        .anyMatch(c -> c.startsWith("v1,") && Arrays.equals(base64(c.substring(3)),
                                base64(signed.substring(3))));
                case 1 -> headers.get("X-Slack-Signature").strip().equalsIgnoreCase(signed)
                        && headers.get("X-Slack-Signature").strip().startsWith("v0=");
                case 2 -> headers.get("X-Hub-Signature-256").strip().equalsIgnoreCase(signed)
                        && headers.get("X-Hub-Signature-256").strip().startsWith("sha256=");
                default -> Arrays.equals(base64(headers.get("Authorization").substring(6).strip()),
                        base64(signed.substring(6)));
            };
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }

    private static boolean inWindow(String timestamp) {
        try {
            return Math.abs(Long.parseLong(timestamp.strip()) - NOW) <= 300;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static long parsedOr(String timestamp, long otherwise) {
        try {
            return Long.parseLong(timestamp.strip());
        } catch (NumberFormatException notANumber) {
            return otherwise;
        }
    }

    private static String ecdsa(String timestamp, byte[] body) throws GeneralSecurityException {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(SENDGRID_KEYS.getPrivate());
        ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
        ecdsa.update(body);
        return Base64.getEncoder().encodeToString(ecdsa.sign());
    }

    private static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
