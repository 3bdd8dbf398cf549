package io.flightdeck.email;

import io.flightdeck.email.providers.FakeSendGrid;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Delivery section of the email settings page: an admin chooses SendGrid with its keys and is shown the webhook
 * addresses to paste; a refused form names the field; the key never appears on the page again; a viewer reads the
 * section with the Mailjet password masked and cannot change it.
 */
@FlightdeckTest
class DeliverySettingsPagesTests extends ProviderTestSupport {

    @Autowired
    WebSessions web;

    @Test
    void anAdminChoosesAProviderOnTheSettingsPageAndSeesTheWebhookAddresses() throws Exception {
        Member owner = workspaces.withoutApprovals("Delivery page");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/email/settings")).contains("Delivery", "This installation&#39;s mail server",
                "The webhook addresses appear once");

        MvcTestResult refused = web.post(session, "/email/settings/delivery", "provider", "SENDGRID", "version", "0");
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentAsString()).contains("SendGrid needs an API key");

        String verification = EmailProviderEventsTests.keyPair().publicKey();
        assertThat(web.post(session, "/email/settings/delivery", "provider", "SENDGRID", "sendgridApiKey",
                FakeSendGrid.API_KEY, "sendgridVerificationKey", verification, "version", "0"))
                .hasStatus3xxRedirection();
        String page = web.page(session, "/email/settings");
        assertThat(page).contains("/api/v1/email/provider-events/sendgrid/", "/api/v1/email/provider-events/mailjet/",
                verification).doesNotContain(FakeSendGrid.API_KEY);
        String adminUrl = Json.read(api.as(owner).get("/api/v1/email/delivery-settings"), "$.mailjetEventUrl");
        assertThat(page).contains(adminUrl);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        MockHttpSession viewing = web.signIn(viewer);
        String seen = web.page(viewing, "/email/settings");
        assertThat(seen).contains("SendGrid", "mailjet:••••••••@").doesNotContain(adminUrl)
                .doesNotContain("Save delivery");
        assertThat(web.post(viewing, "/email/settings/delivery", "provider", "SMTP", "version", "1")).hasStatus(403);
    }
}
