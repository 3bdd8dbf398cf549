package io.flightdeck.shared.mail;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail transport {@code flightdeck.mail.transport} names, signing with DKIM when {@code flightdeck.mail.dkim.*} is
 * set. SMTP without {@code spring.mail.host}, or a DKIM key that cannot sign, stops the start with a clear message
 * rather than failing on the first mail.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailTransport mailTransport(MailSettings settings, ObjectProvider<JavaMailSenderImpl> smtp, Clock clock) {
        DkimSigning dkim = DkimSigning.of(settings);
        return switch (settings.transport()) {
            case "outbox" -> new OutboxTransport(settings.outbox(), settings.from(), clock, dkim);
            case "smtp" -> {
                JavaMailSenderImpl sender = smtp.getIfAvailable();
                if (sender == null) {
                    throw new IllegalStateException(
                            "flightdeck.mail.transport=smtp needs spring.mail.host (FLIGHTDECK_SMTP_HOST): see docs/configuration.md");
                }
                yield new SmtpTransport(sender, settings.from(), clock, dkim);
            }
            default -> throw new IllegalStateException(
                    "flightdeck.mail.transport must be outbox or smtp, not " + settings.transport());
        };
    }

    @Bean
    MailOutbox mailOutbox(MailSettings settings) {
        return new MailOutbox(settings.outbox());
    }
}
