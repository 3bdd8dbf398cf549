package io.flightdeck.publishing.networks.facebook;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.flightdeck.support.FlightdeckTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta's webhooks without a session: the subscription handshake answers the challenge only for the right verify token,
 * and a delivery is accepted only with a correct {@code X-Hub-Signature-256} over its raw body.
 */
@FlightdeckTest
class MetaWebhookTests {

    static final String BODY = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + FakeFacebook.PAGE_ID + "\",\"time\":"
            + "1764000000,\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\","
            + "\"message\":\"Lovely roast \\u00e9\"}}]}]}";

    @Autowired
    MockMvcTester mvc;

    @Test
    void theHandshakeEchoesTheChallengeOnlyForTheVerifyToken() {
        assertThat(mvc.get().uri("/webhooks/meta").param("hub.mode", "subscribe")
                .param("hub.verify_token", FakeFacebook.VERIFY_TOKEN).param("hub.challenge", "1158201444"))
                .hasStatusOk().bodyText().isEqualTo("1158201444");
        assertThat(mvc.get().uri("/webhooks/meta").param("hub.mode", "subscribe")
                .param("hub.verify_token", "guess").param("hub.challenge", "1158201444")).hasStatus(403);
        assertThat(mvc.get().uri("/webhooks/meta").param("hub.mode", "unsubscribe")
                .param("hub.verify_token", FakeFacebook.VERIFY_TOKEN).param("hub.challenge", "1")).hasStatus(403);
    }

    @Test
    void aDeliveryIsAcceptedOnlyWhenSignedWithTheAppSecret() throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post().uri("/webhooks/meta").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Hub-Signature-256", "sha256=" + hmac(FakeFacebook.APP_SECRET, body))).hasStatusOk();
        assertThat(mvc.post().uri("/webhooks/meta").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Hub-Signature-256", "sha256=" + hmac("another-secret", body))).hasStatus(401);
        byte[] tampered = BODY.replace("Lovely", "Awful").getBytes(StandardCharsets.UTF_8);
        assertThat(mvc.post().uri("/webhooks/meta").contentType(MediaType.APPLICATION_JSON).content(tampered)
                .header("X-Hub-Signature-256", "sha256=" + hmac(FakeFacebook.APP_SECRET, body))).hasStatus(401);
        assertThat(mvc.post().uri("/webhooks/meta").contentType(MediaType.APPLICATION_JSON).content(body))
                .hasStatus(401);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
