package io.flightdeck.shared.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Meta's {@code signed_request} on hand-made values: made as Meta's data deletion callback page shows (the HMAC-SHA256
 * of the encoded payload under the app secret, both parts base64url), and every way one can be wrong.
 */
class MetaSignedRequestTests {

    static final String SECRET = "fb-secret";

    /** A signed request as Meta makes one; {@code padded} keeps base64's trailing = signs, as Meta sometimes does. */
    static String signed(String json, String secret, boolean padded) {
        Base64.Encoder encoder = padded ? Base64.getUrlEncoder() : Base64.getUrlEncoder().withoutPadding();
        String payload = encoder.encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return encoder.encodeToString(hmac(secret, payload)) + "." + payload;
    }

    static byte[] hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPagesRemovalNamesThePageAndAPersonsNamesThePerson() {
        MetaSignedRequest page = MetaSignedRequest.verify(signed("""
                {"algorithm":"HMAC-SHA256","issued_at":1764000000,"profile_id":"104857600000001","user_id":0,
                 "user":{"country":"de","locale":"de_DE"}}""", SECRET, false), SECRET);
        assertThat(page.profileId()).isEqualTo("104857600000001");
        assertThat(page.userId()).isNull();

        MetaSignedRequest person = MetaSignedRequest.verify(signed("""
                {"algorithm":"hmac-sha256","issued_at":1764000000,"user_id":"10000123456789"}""", SECRET, true), SECRET);
        assertThat(person.userId()).isEqualTo("10000123456789");
        assertThat(person.profileId()).isNull();
    }

    @Test
    void anythingNotSignedWithTheAppSecretIsRefused() {
        String good = signed("{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1\"}", SECRET, false);
        String[] parts = good.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"2\"}".getBytes(StandardCharsets.UTF_8));

        refused(signed("{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1\"}", "another-secret", false));
        refused(parts[0] + "." + otherPayload); // the payload changed under the signature
        refused("." + parts[1]); // no signature
        refused(parts[0] + "."); // no payload
        refused(parts[1]); // no dot
        refused(good + ".x"); // three parts
        refused(parts[0].replace('-', '+').replace('_', '/') + "+/." + parts[1]); // not base64url
        refused("%%%." + parts[1]);
        refused(null);
        refused("");
        refused(signed("{\"algorithm\":\"HMAC-SHA1\",\"user_id\":\"1\"}", SECRET, false)); // another algorithm
        refused(signed("{\"user_id\":\"1\"}", SECRET, false)); // none said
        refused(signed("not json", SECRET, false));
        refused(signed("[\"HMAC-SHA256\"]", SECRET, false));
        refused("a".repeat(9000) + "." + parts[1]);
        assertThatThrownBy(() -> MetaSignedRequest.verify(good, " ")).isInstanceOf(WebhookRejectedException.class);
        assertThat(MetaSignedRequest.verify(good, SECRET).userId()).isEqualTo("1");
    }

    private static void refused(String signedRequest) {
        assertThatThrownBy(() -> MetaSignedRequest.verify(signedRequest, SECRET)).as(String.valueOf(signedRequest))
                .isInstanceOf(WebhookRejectedException.class);
    }
}
