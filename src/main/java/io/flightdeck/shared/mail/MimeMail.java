package io.flightdeck.shared.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Builds the MIME message both transports send: the text alone, or multipart/alternative text and HTML (inside
 * multipart/mixed with the files when it carries any), and a fixed
 * Message-ID. Built with Jakarta Mail itself rather than Spring's MimeMessageHelper, which loads a MIME type map from
 * the classpath for every message it is given (a fifth of a sending thread's time in the notification benchmark).
 */
final class MimeMail {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeMail() {
    }

    static MimeMessage of(Session session, OutgoingMail mail, String from, Clock clock) {
        try {
            MimeMessage message = new KeyedMessage(session, mail.messageId());
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), UTF_8);
            message.setSentDate(Date.from(clock.instant()));
            if (mail.attachments().isEmpty()) {
                body(message, mail);
            } else {
                // multipart/mixed: the readable body first, then each file
                MimeBodyPart readable = new MimeBodyPart();
                body(readable, mail);
                MimeMultipart mixed = new MimeMultipart("mixed", readable);
                for (OutgoingMail.Attachment attachment : mail.attachments()) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                            attachment.mediaType())));
                    file.setFileName(attachment.fileName());
                    file.setDisposition(Part.ATTACHMENT);
                    mixed.addBodyPart(file);
                }
                message.setContent(mixed);
            }
            for (var header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.setHeader("X-Flightdeck-Workspace", mail.workspaceId().toString());
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new MailFailure("The message could not be built: " + e.getMessage(), true, e);
        }
    }

    /** The text alone, or text and HTML as multipart/alternative. */
    private static void body(MimePart part, OutgoingMail mail) throws MessagingException {
        if (mail.html() == null) {
            part.setText(mail.text(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), UTF_8, "html");
            part.setContent(new MimeMultipart("alternative", text, html));
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
