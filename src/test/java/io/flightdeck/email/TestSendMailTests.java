package io.flightdeck.email;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.ForkedApp;
import io.flightdeck.support.Json;
import io.flightdeck.support.OwnDatabase;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test send over real SMTP (GreenMail): the application with {@code flightdeck.mail.transport=smtp} sends a template
 * rendered with a contact's data as multipart/alternative (text and HTML), subject beginning [Test], Message-ID the
 * ledger row's key, and the reply-to of the sender settings; with the server gone, the row says why it failed.
 */
@FlightdeckTest
class TestSendMailTests {

    private static final GreenMail SMTP;

    static {
        try {
            SMTP = new GreenMail(new ServerSetup(ForkedApp.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        // This context sends over SMTP to a server that stops after the class; in the shared database its job poller
        // would take other contexts' email sends and fail them against the stopped server.
        OwnDatabase.register(properties, "test_send_mail");
        properties.add("flightdeck.mail.transport", () -> "smtp");
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        properties.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "3000");
        properties.add("spring.mail.properties.mail.smtp.timeout", () -> "3000");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aTestSendArrivesAsTextAndHtmlWithItsLedgerKeyThenAFailureIsRecordedInWords() throws Exception {
        Member owner = workspaces.workspace("Test sends by SMTP");
        String ana = Json.read(api.as(owner).post("/api/v1/email/contacts", Map.of("email", "ana@example.com",
                "name", "Ana Lima", "consent", Map.of("source", "MANUAL", "evidence", "Asked in person"))), "$.id");
        api.as(owner).ifMatch("\"0\"").put("/api/v1/email/settings", Map.of("replyTo", "help@acme.example",
                "postalAddress", "Acme, 1 Main St"));

        MvcTestResult sent = api.as(owner).post("/api/v1/email/templates/builtin-welcome/test-send",
                Map.of("to", "ana@example.com", "contactId", ana));
        assertThat(sent).hasStatus(201);
        assertThat((String) Json.read(sent, "$.state")).isEqualTo("SENT");
        String id = Json.read(sent, "$.id");

        MimeMessage message = SMTP.getReceivedMessagesForDomain("example.com")[0];
        assertThat(message.getSubject()).isEqualTo("[Test] Welcome, Ana!");
        assertThat(message.getMessageID()).isEqualTo("<test-" + id + "@flightdeck>");
        assertThat(message.getHeader("Reply-To")[0]).isEqualTo("help@acme.example");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Welcome, Ana!", "Acme, 1 Main St",
                "Unsubscribe (").doesNotContain("<", "{{");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("Welcome, Ana!", "Acme, 1 Main St",
                "<table role=\"presentation\"").doesNotContain("{{");

        SMTP.stop();
        MvcTestResult failed = api.as(owner).post("/api/v1/email/templates/builtin-welcome/test-send",
                Map.of("to", owner.email()));
        assertThat(failed).hasStatus(201);
        assertThat((String) Json.read(failed, "$.state")).isEqualTo("FAILED");
        assertThat((String) Json.read(failed, "$.error")).contains("SMTP server", "did not take the message");
        assertThat(UUID.fromString(Json.read(failed, "$.id"))).isNotNull();
    }
}
