package io.flightdeck.shared.mail;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport with one moment added: the sender's hand-over runs after the message's data was
 * written and before the line that ends it. An SMTP server keeps a message only once that line arrives (RFC 5321,
 * 4.1.1.4), so a process killed before the hand-over committed left nothing at the server, and a message whose
 * hand-over committed is, short of a refusal after its end, at the server. The hand-over travels on the sending
 * thread.
 */
final class HandOverSmtpTransport extends SMTPTransport {

    private static final ThreadLocal<Runnable> HAND_OVER = new ThreadLocal<>();

    HandOverSmtpTransport(Session session, URLName urlName, String protocol) {
        super(session, urlName, protocol, "smtps".equals(protocol));
    }

    static void sendMessage(Transport transport, MimeMessage message, Runnable handOver) throws MessagingException {
        HAND_OVER.set(handOver);
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            HAND_OVER.remove();
        }
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        Runnable handOver = HAND_OVER.get();
        if (handOver != null) {
            handOver.run();
        }
        super.finishData();
    }
}
