package io.flightdeck.shared.mail;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import io.flightdeck.shared.health.HealthStatuses;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail transport as a health component ({@code mail}): the outbox's folder takes a file, or the SMTP server
 * answers a connection (greeting, EHLO and AUTH where configured, then QUIT). Boot's own mail indicator is switched
 * off: it knows only SMTP, and would call the outbox down.
 */
@Component("mailHealthIndicator")
class MailHealthIndicator implements HealthIndicator {

    private final MailSettings settings;
    private final ObjectProvider<JavaMailSenderImpl> smtp;

    MailHealthIndicator(MailSettings settings, ObjectProvider<JavaMailSenderImpl> smtp) {
        this.settings = settings;
        this.smtp = smtp;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("transport", settings.transport());
        try {
            if (settings.transport().equals("smtp")) {
                JavaMailSenderImpl sender = smtp.getObject();
                health.withDetail("server", sender.getHost() + ":" + sender.getPort());
                sender.testConnection();
            } else {
                Path folder = Files.createDirectories(settings.outbox());
                Files.delete(Files.createTempFile(folder, "health-", ".probe"));
                health.withDetail("outbox", folder.toString());
            }
            return health.build();
        } catch (MessagingException | java.io.IOException | RuntimeException e) {
            return health.status(HealthStatuses.DEGRADED).withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
