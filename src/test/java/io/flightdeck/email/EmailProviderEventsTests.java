package io.flightdeck.email;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The providers' event webhooks against a real send through their fakes. SendGrid's deliveries are signed as SendGrid
 * documents (ECDSA P-256 with SHA-256 over the timestamp followed by the body, base64 DER) with a key pair made here;
 * Mailjet's carry the Basic credentials of the address the settings show. Delivered, hard bounces and complaints move
 * the ledger row and suppress the contact; a repeat changes nothing; a stale, forged or foreign delivery is 401 and
 * writes nothing; an event for a message Flightdeck did not send is acknowledged and ignored.
 */
@FlightdeckTest
class EmailProviderEventsTests extends ProviderTestSupport {

    /** A P-256 key pair: the public half as SendGrid shows it (base64 X.509 DER), the private half to sign with. */
    record SigningKey(KeyPair pair) {

        String publicKey() {
            return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        }

        String sign(String timestamp, String body) throws Exception {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(pair.getPrivate());
            ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ecdsa.sign());
        }
    }

    static SigningKey keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return new SigningKey(generator.generateKeyPair());
    }

    @Test
    void signedSendGridEventsUpdateTheLedgerAndTheContactOnce() throws Exception {
        SigningKey key = keyPair();
        Member owner = sendGridWorkspace("SendGrid events", key.publicKey());
        String ana = "ana-" + System.nanoTime() + "@events.example";
        String bo = "bo-" + System.nanoTime() + "@events.example";
        String cy = "cy-" + System.nanoTime() + "@events.example";
        String email = sent(owner, ana, bo, cy);
        String url = path(Json.read(api.as(owner).get("/api/v1/email/delivery-settings"), "$.sendgridEventUrl"));
        long now = Instant.now().getEpochSecond();
        String body = "[" + sendGridEvent("delivered", row(owner, email, ana), now, "ev-d-" + now, null) + ","
                + sendGridEvent("bounce", row(owner, email, bo), now, "ev-b-" + now, "bounce") + ","
                + sendGridEvent("spamreport", row(owner, email, cy), now, "ev-s-" + now, null) + ","
                + sendGridEvent("delivered", Map.of("id", "not-a-ledger-key", "providerId", "x"), now, "ev-x-" + now,
                        null) + "]";

        MvcTestResult first = signed(url, key, String.valueOf(now), body);
        assertThat(first).hasStatusOk();
        assertThat((Integer) Json.read(first, "$.applied")).isEqualTo(3);
        assertThat((Integer) Json.read(first, "$.ignored")).isEqualTo(1);
        assertThat(row(owner, email, ana).get("state")).isEqualTo("DELIVERED");
        assertThat(row(owner, email, ana).get("deliveredAt")).isNotNull();
        assertThat(row(owner, email, bo).get("state")).isEqualTo("BOUNCED");
        assertThat(row(owner, email, cy).get("state")).isEqualTo("COMPLAINED");
        assertThat(contactStatus(owner, ana)).isEqualTo("SUBSCRIBED");
        assertThat(contactStatus(owner, bo)).isEqualTo("BOUNCED");
        assertThat(contactStatus(owner, cy)).isEqualTo("COMPLAINED");
        MvcTestResult metrics = api.as(owner).get("/api/v1/email/campaigns/" + email + "/metrics");
        assertThat((Integer) Json.read(metrics, "$.delivered")).isEqualTo(1);
        assertThat((Integer) Json.read(metrics, "$.bounced")).isEqualTo(1);
        assertThat((Integer) Json.read(metrics, "$.complained")).isEqualTo(1);

        List<Map<String, Object>> before = recipients(owner, email);
        MvcTestResult again = signed(url, key, String.valueOf(now), body);
        assertThat(again).hasStatusOk();
        assertThat((Integer) Json.read(again, "$.duplicates")).isEqualTo(3);
        assertThat(recipients(owner, email)).isEqualTo(before);

        // a complaint is never overwritten by a later unsubscribe
        String unsubscribe = "[" + sendGridEvent("unsubscribe", row(owner, email, cy), now, "ev-u-" + now, null) + "]";
        assertThat(signed(url, key, String.valueOf(now), unsubscribe)).hasStatusOk();
        assertThat(contactStatus(owner, cy)).isEqualTo("COMPLAINED");
    }

    @Test
    void staleForgedAndForeignSendGridDeliveriesAreRefusedAndWriteNothing() throws Exception {
        SigningKey key = keyPair();
        Member owner = sendGridWorkspace("SendGrid refusals", key.publicKey());
        String ana = "ana-" + System.nanoTime() + "@refusals.example";
        String email = sent(owner, ana);
        String url = path(Json.read(api.as(owner).get("/api/v1/email/delivery-settings"), "$.sendgridEventUrl"));
        long now = Instant.now().getEpochSecond();
        String bounce = "[" + sendGridEvent("bounce", row(owner, email, ana), now, "ev-r-" + now, "bounce") + "]";

        long stale = now - 301;
        assertThat(signed(url, key, String.valueOf(stale), bounce)).hasStatus(401);
        assertThat(signed(url, keyPair(), String.valueOf(now), bounce)).hasStatus(401);
        MvcTestResult unsigned = api.anonymous().raw(HttpMethod.POST, url, "application/json",
                bounce.getBytes(StandardCharsets.UTF_8));
        assertThat(unsigned).hasStatus(401);
        assertThat(Objects.requireNonNull(unsigned.getResponse().getContentType())).contains("problem+json");

        SigningKey otherKey = keyPair();
        Member other = sendGridWorkspace("SendGrid other", otherKey.publicKey());
        String otherUrl = path(Json.read(api.as(other).get("/api/v1/email/delivery-settings"), "$.sendgridEventUrl"));
        assertThat(signed(otherUrl, key, String.valueOf(now), bounce)).as("this workspace's key at another's address")
                .hasStatus(401);
        // another workspace's own, valid delivery naming this workspace's ledger key finds nothing
        MvcTestResult foreign = signed(otherUrl, otherKey, String.valueOf(now), bounce);
        assertThat(foreign).hasStatusOk();
        assertThat((Integer) Json.read(foreign, "$.ignored")).isEqualTo(1);
        assertThat(signed(url.replaceAll("/[^/]+$", "/unknownTokenOf24Chars0000"), key, String.valueOf(now), bounce))
                .hasStatus(401);

        assertThat(row(owner, email, ana).get("state")).isEqualTo("SENT");
        assertThat(contactStatus(owner, ana)).isEqualTo("SUBSCRIBED");
    }

    @Test
    void mailjetEventsWithTheAddressCredentialsUpdateTheLedgerAndTheContactOnce() {
        Member owner = mailjetWorkspace("Mailjet events");
        String ana = "ana-" + System.nanoTime() + "@mj-events.example";
        String bo = "bo-" + System.nanoTime() + "@mj-events.example";
        String email = sent(owner, ana, bo);
        String full = Json.read(api.as(owner).get("/api/v1/email/delivery-settings"), "$.mailjetEventUrl");
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile("https?://([^:]+):([^@]+)@[^/]+(/.*)")
                .matcher(full);
        assertThat(parts.matches()).as(full).isTrue();
        String basic = "Basic " + Base64.getEncoder().encodeToString((parts.group(1) + ":" + parts.group(2))
                .getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String body = "[" + mailjetEvent("sent", row(owner, email, ana), now, null) + ","
                + mailjetEvent("bounce", row(owner, email, bo), now, true) + ","
                + mailjetEvent("unsub", row(owner, email, ana), now + 5, null) + "]";

        MvcTestResult first = api.anonymous().header("Authorization", basic).raw(HttpMethod.POST, parts.group(3),
                "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(first).hasStatusOk();
        assertThat((Integer) Json.read(first, "$.applied")).isEqualTo(3);
        assertThat(row(owner, email, ana).get("state")).isEqualTo("DELIVERED");
        assertThat(row(owner, email, bo).get("state")).isEqualTo("BOUNCED");
        assertThat(contactStatus(owner, ana)).isEqualTo("UNSUBSCRIBED");
        assertThat(contactStatus(owner, bo)).isEqualTo("BOUNCED");
        assertThat((Integer) Json.read(api.as(owner).get("/api/v1/email/campaigns/" + email + "/metrics"),
                "$.unsubscribed")).isEqualTo(1);

        List<Map<String, Object>> before = recipients(owner, email);
        MvcTestResult again = api.anonymous().header("Authorization", basic).raw(HttpMethod.POST, parts.group(3),
                "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat((Integer) Json.read(again, "$.duplicates")).isEqualTo(3);
        assertThat(recipients(owner, email)).isEqualTo(before);

        String wrong = "Basic " + Base64.getEncoder().encodeToString((parts.group(1) + ":guess")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(api.anonymous().header("Authorization", wrong).raw(HttpMethod.POST, parts.group(3),
                "application/json", body.getBytes(StandardCharsets.UTF_8))).hasStatus(401);
        assertThat(api.anonymous().raw(HttpMethod.POST, parts.group(3), "application/json",
                body.getBytes(StandardCharsets.UTF_8))).hasStatus(401);
    }

    private MvcTestResult signed(String path, SigningKey key, String timestamp, String body) throws Exception {
        return api.anonymous().header("X-Twilio-Email-Event-Webhook-Signature", key.sign(timestamp, body))
                .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
                .raw(HttpMethod.POST, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** An event as SendGrid posts it, the message's custom arguments at the top level. */
    private static String sendGridEvent(String type, Map<String, Object> row, long at, String eventId, String kind) {
        return "{\"email\":\"someone@events.example\",\"timestamp\":" + at + ",\"event\":\"" + type + "\","
                + (kind == null ? "" : "\"type\":\"" + kind + "\",\"reason\":\"550 5.1.1 unknown\",")
                + "\"sg_event_id\":\"" + eventId + "\",\"sg_message_id\":\"" + row.get("providerId")
                + ".filter0001.1-0\",\"flightdeck_ledger_key\":\"" + row.get("id") + "\"}";
    }

    /** An event as Mailjet posts it: its MessageID, the CustomID the message was sent with. */
    private static String mailjetEvent(String type, Map<String, Object> row, long at, Boolean hard) {
        return "{\"event\":\"" + type + "\",\"time\":" + at + ",\"MessageID\":" + row.get("providerId")
                + ",\"Message_GUID\":\"1ab23cd4-e567-8901-2345-6789f0gh1i2j\",\"email\":\"someone@mj-events.example\","
                + "\"mj_campaign_id\":0,\"mj_contact_id\":0,\"customcampaign\":\"\",\"CustomID\":\"" + row.get("id")
                + "\",\"Payload\":\"\"" + (hard == null ? "" : ",\"blocked\":false,\"hard_bounce\":" + hard
                + ",\"error_related_to\":\"recipient\",\"error\":\"user unknown\"") + "}";
    }

    private static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }
}
