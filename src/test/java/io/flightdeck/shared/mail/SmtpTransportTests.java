package io.flightdeck.shared.mail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SMTP transport in a real SMTP conversation with GreenMail (a server nobody here wrote): the message arrives with
 * our Message-ID, sender, subject and both parts. A server that refuses the recipient (550) is a permanent failure;
 * one that answers 451 or is not there at all is worth another try.
 */
class SmtpTransportTests {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
    private final UUID workspace = UUID.randomUUID();

    @Test
    void aMailArrivesWithItsKeyAsMessageIdAndBothParts() throws Exception {
        SmtpTransport smtp = transport(greenMail.getSmtp().getPort());
        smtp.send(new OutgoingMail(workspace, "notification-1234", "ann@example.com", "Task for you: Brief ✓",
                "Plain words", "<p>Rich <b>words</b></p>"));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getMessageID()).isEqualTo("<notification-1234@flightdeck>");
        assertThat(mail.getSubject()).isEqualTo("Task for you: Brief ✓");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Flightdeck <notifications@flightdeck.local>");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
        assertThat(mail.getHeader("X-Flightdeck-Workspace")[0]).isEqualTo(workspace.toString());
        assertThat(mail.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Plain words").contains("Rich <b>words</b>");
        assertThat(((MimeMultipart) mail.getContent()).getContentType()).startsWith("multipart/alternative");
        assertThat(smtp.sent(workspace, "notification-1234")).as("SMTP keeps nothing to look up").isEmpty();
    }

    @Test
    void aRefusedAddressIsPermanentATemporaryRefusalOrNoServerIsNot() throws Exception {
        try (RefusingServer refusing = new RefusingServer("550 5.1.1 No such user here")) {
            assertThatThrownBy(() -> transport(refusing.port()).send(mail()))
                    .isInstanceOfSatisfying(MailFailure.class, f -> {
                        assertThat(f.permanent()).isTrue();
                        assertThat(f.getMessage()).contains("550 5.1.1 No such user here");
                    });
        }
        try (RefusingServer busy = new RefusingServer("451 4.3.0 Try again later")) {
            assertThatThrownBy(() -> transport(busy.port()).send(mail()))
                    .isInstanceOfSatisfying(MailFailure.class, f -> assertThat(f.permanent()).isFalse());
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> transport(closed).send(mail()))
                .isInstanceOfSatisfying(MailFailure.class, f -> {
                    assertThat(f.permanent()).isFalse();
                    assertThat(f.getMessage()).startsWith("The SMTP server localhost did not take the message");
                });
    }

    @Test
    void messagesShareOneConnectionAndOneTheServerDroppedIsReplaced() throws Exception {
        try (CountingServer server = new CountingServer()) {
            SmtpTransport smtp = transport(server.port());
            for (int i = 0; i < 3; i++) {
                smtp.send(mail());
            }
            assertThat(server.messages()).isEqualTo(3);
            assertThat(server.connections()).as("one greeting and EHLO for the burst").isEqualTo(1);

            server.dropAll(); // the server's idle timeout: the kept connection is dead
            smtp.send(mail());
            assertThat(server.messages()).isEqualTo(4);
            assertThat(server.connections()).isEqualTo(2);

            smtp.close();
            assertThat(server.quits()).as("closing the transport says goodbye on the kept connection").isEqualTo(1);
        }
    }

    private OutgoingMail mail() {
        return new OutgoingMail(workspace, "notification-9", "nobody@example.com", "Hello", "Text", null);
    }

    private static SmtpTransport transport(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(properties);
        return new SmtpTransport(sender, "Flightdeck <notifications@flightdeck.local>", CLOCK, DkimSigning.OFF);
    }

    /** Just enough SMTP to refuse every recipient with one reply (GreenMail accepts every address). */
    private static final class RefusingServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0);
        private final Thread thread;

        RefusingServer(String refusal) throws Exception {
            thread = new Thread(() -> {
                try (Socket client = socket.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                     PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                    out.print("220 refusing.test ESMTP\r\n");
                    out.flush();
                    String line;
                    while ((line = in.readLine()) != null) {
                        String command = line.toUpperCase();
                        String reply = command.startsWith("EHLO") || command.startsWith("HELO") ? "250 refusing.test"
                                : command.startsWith("MAIL") ? "250 OK"
                                : command.startsWith("RCPT") ? refusal
                                : command.startsWith("QUIT") ? "221 Bye" : "250 OK";
                        out.print(reply + "\r\n");
                        out.flush();
                        if (command.startsWith("QUIT")) {
                            break;
                        }
                    }
                } catch (Exception ignored) {
                    // the test is over
                }
            }, "refusing-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    /** Accepts every message on any number of connections, and counts connections, messages and QUITs. */
    private static final class CountingServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0);
        private final List<Socket> clients = new CopyOnWriteArrayList<>();
        private final AtomicInteger messages = new AtomicInteger();
        private final AtomicInteger quits = new AtomicInteger();

        CountingServer() throws Exception {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        clients.add(client);
                        Thread conversation = new Thread(() -> converse(client), "counting-smtp-client");
                        conversation.setDaemon(true);
                        conversation.start();
                    } catch (Exception closed) {
                        return;
                    }
                }
            }, "counting-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void converse(Socket client) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                out.print("220 counting.test ESMTP\r\n");
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.toUpperCase();
                    if (command.startsWith("DATA")) {
                        out.print("354 Go ahead\r\n");
                        out.flush();
                        while (!".".equals(in.readLine())) {
                            // the message itself is not kept
                        }
                        messages.incrementAndGet();
                    }
                    out.print((command.startsWith("QUIT") ? "221 Bye" : "250 OK") + "\r\n");
                    out.flush();
                    if (command.startsWith("QUIT")) {
                        quits.incrementAndGet();
                        return;
                    }
                }
            } catch (Exception dropped) {
                // dropAll or the end of the test
            }
        }

        int connections() {
            return clients.size();
        }

        int messages() {
            return messages.get();
        }

        /** QUITs seen, waiting up to 2 s for the first: the reply goes out before the count. */
        int quits() throws InterruptedException {
            for (int i = 0; i < 200 && quits.get() == 0; i++) {
                Thread.sleep(10);
            }
            return quits.get();
        }

        void dropAll() throws Exception {
            for (Socket client : clients) {
                client.close();
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
