package io.flightdeck.email;

import java.util.Map;

import io.flightdeck.email.providers.FakeMailjet;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery settings over the API: SMTP until an admin chooses a provider; keys stored encrypted and shown only
 * masked; the Mailjet webhook's password to admins only; If-Match; every wrong field named at once; another workspace
 * sees none of it.
 */
@FlightdeckTest
class DeliverySettingsApiTests extends ProviderTestSupport {

    @Test
    void adminsChooseAProviderWhoseKeysAreNeverShownAgainAndMembersReadTheRest() throws Exception {
        Member owner = workspaces.withoutApprovals("Delivery settings");
        MvcTestResult empty = api.as(owner).get("/api/v1/email/delivery-settings");
        assertThat(empty).hasStatusOk();
        assertThat((String) Json.read(empty, "$.provider")).isEqualTo("SMTP");
        assertThat(empty.getResponse().getHeader("ETag")).isEqualTo("\"0\"");

        String verification = EmailProviderEventsTests.keyPair().publicKey();
        MvcTestResult saved = api.as(owner).ifMatch("\"0\"").put("/api/v1/email/delivery-settings", Map.of(
                "provider", "MAILJET", "mailjetApiKey", FakeMailjet.API_KEY, "mailjetSecretKey", FakeMailjet.SECRET_KEY,
                "sendgridVerificationKey", verification));
        assertThat(saved).hasStatusOk();
        String body = Json.body(saved);
        assertThat(body).doesNotContain(FakeMailjet.API_KEY).doesNotContain(FakeMailjet.SECRET_KEY);
        assertThat((String) Json.read(saved, "$.mailjetApiKey")).isEqualTo("••••" + FakeMailjet.API_KEY.substring(28));
        assertThat((String) Json.read(saved, "$.sendgridVerificationKey")).isEqualTo(verification);
        String adminUrl = Json.read(saved, "$.mailjetEventUrl");
        assertThat(adminUrl).matches("https?://mailjet:[A-Za-z0-9_-]{20,}@[^/]+/api/v1/email/provider-events/mailjet/.+");

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MvcTestResult read = api.as(viewer).get("/api/v1/email/delivery-settings");
        assertThat(read).hasStatusOk();
        assertThat((String) Json.read(read, "$.provider")).isEqualTo("MAILJET");
        assertThat((String) Json.read(read, "$.mailjetEventUrl")).contains("mailjet:••••••••@");
        assertThat(Json.body(read)).doesNotContain(FakeMailjet.SECRET_KEY);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        assertThat(api.as(manager).put("/api/v1/email/delivery-settings", Map.of("provider", "SMTP"))).hasStatus(403);
        assertThat(api.as(viewer).put("/api/v1/email/delivery-settings", Map.of("provider", "SMTP"))).hasStatus(403);

        // a stale If-Match, then keys kept when left out
        assertThat(api.as(owner).ifMatch("\"0\"").put("/api/v1/email/delivery-settings", Map.of("provider", "SMTP")))
                .hasStatus(412);
        String etag = saved.getResponse().getHeader("ETag");
        MvcTestResult back = api.as(owner).ifMatch(etag).put("/api/v1/email/delivery-settings",
                Map.of("provider", "SMTP"));
        assertThat(back).hasStatusOk();
        assertThat((String) Json.read(back, "$.mailjetApiKey")).startsWith("••••");
        assertThat((String) Json.read(back, "$.mailjetEventUrl")).isEqualTo(adminUrl);

        Member stranger = workspaces.withoutApprovals("Delivery stranger");
        assertThat((String) Json.read(api.as(stranger).get("/api/v1/email/delivery-settings"), "$.provider"))
                .isEqualTo("SMTP");
    }

    @Test
    void aProviderWithoutItsKeysOrAWrongVerificationKeyIsRefusedWithEveryField() {
        Member owner = workspaces.withoutApprovals("Delivery refusals");
        MvcTestResult refused = api.as(owner).put("/api/v1/email/delivery-settings", Map.of("provider", "MAILJET",
                "sendgridVerificationKey", "not a key"));
        assertThat(refused).hasStatus(400);
        assertThat(Json.body(refused)).contains("mailjetApiKey").contains("mailjetSecretKey")
                .contains("sendgridVerificationKey");
        assertThat(api.as(owner).put("/api/v1/email/delivery-settings", Map.of("provider", "SENDGRID"))).hasStatus(400);
        assertThat(api.as(owner).put("/api/v1/email/delivery-settings", Map.of("provider", "SENDGRID",
                "sendgridApiKey", "two words"))).hasStatus(400);
        assertThat(api.as(owner).put("/api/v1/email/delivery-settings", "{\"provider\":\"POSTMARK\"}")).hasStatus(400);
        assertThat(api.as(owner).put("/api/v1/email/delivery-settings", "{}")).hasStatus(400);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/delivery-settings"), "$.provider"))
                .isEqualTo("SMTP");
    }
}
