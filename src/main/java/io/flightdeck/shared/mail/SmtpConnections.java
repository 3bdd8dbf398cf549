package io.flightdeck.shared.mail;

import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP connections kept open between messages, so that a burst of mail pays the connection, greeting, EHLO (and TLS
 * and AUTH where configured) once per connection rather than once per message: a server that pauses before its
 * greeting (100 ms for nodemailer's smtp-server, seconds for Postfix's postscreen) otherwise caps a sending thread at
 * a few messages a second. A connection is checked with NOOP before it is reused and closed after a minute unused
 * or after any failure; at most one per sending thread is kept.
 */
final class SmtpConnections implements AutoCloseable {

    private static final int KEPT = 16;
    private static final long MAX_IDLE_NANOS = Duration.ofMinutes(1).toNanos();

    private record Idle(Transport transport, long since) {
    }

    private final JavaMailSenderImpl settings;
    private final BlockingDeque<Idle> idle = new LinkedBlockingDeque<>(KEPT);

    SmtpConnections(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    /** An open connection: the most recently used one that still answers, or a new one. */
    Transport take() throws MessagingException {
        for (Idle kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
            if (System.nanoTime() - kept.since() < MAX_IDLE_NANOS && kept.transport().isConnected()) {
                return kept.transport();
            }
            quietlyClose(kept.transport());
        }
        String protocol = settings.getProtocol() == null ? "smtp" : settings.getProtocol();
        // made here rather than by the session's provider look-up, which only knows the classes Jakarta Mail lists
        Transport transport = new HandOverSmtpTransport(settings.getSession(),
                new URLName(protocol, settings.getHost(), settings.getPort(), null, null, null), protocol);
        String user = settings.getUsername() == null || settings.getUsername().isEmpty() ? null : settings.getUsername();
        String password = user == null ? null : settings.getPassword();
        transport.connect(settings.getHost(), settings.getPort(), user, password);
        return transport;
    }

    /** A connection whose last message went through, kept for the next one. */
    void give(Transport transport) {
        if (!idle.offerFirst(new Idle(transport, System.nanoTime()))) {
            quietlyClose(transport);
        }
    }

    /** A connection after a failure: its state is unknown, so it is not reused. */
    void discard(Transport transport) {
        quietlyClose(transport);
    }

    @Override
    public void close() {
        for (Idle kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
            quietlyClose(kept.transport());
        }
    }

    private static void quietlyClose(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the server or the network already dropped it
        }
    }
}
