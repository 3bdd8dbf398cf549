package io.flightdeck.shared.mail;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail through an SMTP server ({@code spring.mail.*}) over connections kept open between messages
 * ({@link SmtpConnections}). A 5xx answer is permanent (the server refused the address or the message); anything
 * else, including no answer at all, is worth another attempt.
 * An SMTP server keeps nothing a client can look a message up by, so {@link #sent} cannot tell.
 */
final class SmtpTransport implements MailTransport, AutoCloseable {

    /** The reply code an SMTP server begins its refusal with (“550 5.1.1 No such user”). */
    private static final Pattern REPLY = Pattern.compile("^\\s*([2-5])\\d\\d[ -]");

    private final JavaMailSenderImpl sender;
    private final String from;
    private final Clock clock;
    private final DkimSigning dkim;
    private final SmtpConnections connections;

    SmtpTransport(JavaMailSenderImpl sender, String from, Clock clock, DkimSigning dkim) {
        this.sender = sender;
        this.from = from;
        this.clock = clock;
        this.dkim = dkim;
        this.connections = new SmtpConnections(sender);
    }

    @Override
    public void send(OutgoingMail mail, Runnable handOver) {
        Transport transport;
        try {
            transport = connections.take();
        } catch (AuthenticationFailedException e) {
            throw new MailFailure("The SMTP server refused Flightdeck's user name or password", false, e);
        } catch (MessagingException e) {
            throw failure(e);
        }
        try {
            MimeMessage message = dkim.sign(MimeMail.of(sender.getSession(), mail, from, clock));
            HandOverSmtpTransport.sendMessage(transport, message, handOver);
        } catch (MessagingException | RuntimeException e) {
            connections.discard(transport);
            throw e instanceof MessagingException m ? failure(m) : (RuntimeException) e;
        }
        connections.give(transport);
    }

    @Override
    public void close() {
        connections.close();
    }

    @Override
    public Optional<Boolean> sent(UUID workspaceId, String key) {
        return Optional.empty();
    }

    @Override
    public String name() {
        return "smtp";
    }

    private MailFailure failure(MessagingException e) {
        Character reply = replyClass(e);
        return new MailFailure("The SMTP server " + sender.getHost() + " did not take the message: " + reason(e),
                reply != null && reply == '5', reply != null && (reply == '4' || reply == '5'), e);
    }

    /** The first digit of the server's reply ('4' try later, '5' refused for good), or null when it gave none. */
    private static Character replyClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher reply = t.getMessage() == null ? null : REPLY.matcher(t.getMessage());
            if (reply != null && reply.find()) {
                return reply.group(1).charAt(0);
            }
        }
        return null;
    }

    /** The innermost words: the server's reply or the connection's error, on one line, cut short. */
    private static String reason(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String text = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > 300 ? text.substring(0, 299) + "…" : text;
    }
}
