package io.flightdeck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application sending mail over real SMTP to GreenMail, for the tests that read what arrived (test sends,
 * scheduled reports, through the API and in a browser): one context and one server for all of them, on a database of
 * its own, because its jobs send over SMTP and the shared context's tests read the outbox. Mail from every class of
 * the run stays on the server, so a test reads what it sent by recipient or domain. A test that takes the server down
 * ({@link #serverDown()}, a send then fails as with a server gone) brings it back in a {@code finally} block
 * ({@link #serverUp()}); the server it brings back holds no mail.
 */
@FlightdeckTest
public abstract class GreenMailContext {

    private static final int PORT = port();
    private static GreenMail server = start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        OwnDatabase.register(properties, "greenmail");
        properties.add("flightdeck.mail.transport", () -> "smtp");
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> PORT);
        properties.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        properties.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
        // scheduled reports: the schedules job every second, a failed run retried at once
        properties.add("flightdeck.analytics.report-schedules-every", () -> "PT1S");
        properties.add("flightdeck.analytics.report-retry-pause", () -> "PT0.2S");
    }

    protected static GreenMail server() {
        return server;
    }

    /** What arrived for recipients at this domain, in the order it arrived. */
    protected static List<MimeMessage> receivedAt(String domain) {
        return List.of(server.getReceivedMessagesForDomain(domain));
    }

    /** What arrived for this address, in the order it arrived. */
    protected static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> to(m).contains(address.toLowerCase())).toList();
    }

    protected static void serverDown() {
        server.stop();
    }

    protected static void serverUp() {
        server = start();
    }

    private static List<String> to(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(a -> a.toString().toLowerCase()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail started = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        return started;
    }

    private static int port() {
        try {
            return ForkedApp.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
