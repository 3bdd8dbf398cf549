package io.flightdeck.shared.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Builds the MIME message both transports send: multipart/alternative text and HTML, and a fixed Message-ID. */
final class MimeMail {

    private MimeMail() {
    }

    static MimeMessage of(Session session, OutgoingMail mail, String from, Clock clock) {
        try {
            MimeMessage message = new KeyedMessage(session, mail.messageId());
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(from, true));
            helper.setTo(new InternetAddress(mail.to(), true));
            helper.setSubject(mail.subject());
            helper.setSentDate(Date.from(clock.instant()));
            if (mail.html() != null) {
                helper.setText(mail.text(), mail.html());
            } else {
                helper.setText(mail.text());
            }
            message.setHeader("X-Flightdeck-Workspace", mail.workspaceId().toString());
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new MailFailure("The message could not be built: " + e.getMessage(), true, e);
        }
    }

    /** Jakarta Mail makes up a new Message-ID on every save; ours is the ledger's key, the same on every attempt. */
    private static final class KeyedMessage extends MimeMessage {

        private final String messageId;

        KeyedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
