package io.flightdeck.email;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.GreenMailContext;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test send over real SMTP (GreenMail): the application with {@code flightdeck.mail.transport=smtp} sends a template
 * rendered with a contact's data as multipart/alternative (text and HTML), subject beginning [Test], Message-ID the
 * ledger row's key, and the reply-to of the sender settings; with the server gone, the row says why it failed.
 */
class TestSendMailTests extends GreenMailContext {

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

        List<MimeMessage> toAna = receivedBy("ana@example.com");
        assertThat(toAna).hasSize(1);
        MimeMessage message = toAna.get(0);
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

        serverDown();
        try {
            MvcTestResult failed = api.as(owner).post("/api/v1/email/templates/builtin-welcome/test-send",
                    Map.of("to", owner.email()));
            assertThat(failed).hasStatus(201);
            assertThat((String) Json.read(failed, "$.state")).isEqualTo("FAILED");
            assertThat((String) Json.read(failed, "$.error")).contains("SMTP server", "did not take the message");
            assertThat(UUID.fromString(Json.read(failed, "$.id"))).isNotNull();
        } finally {
            serverUp();
        }
    }
}
