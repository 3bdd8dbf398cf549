package io.flightdeck.shared.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flightdeck.mail.*}.
 *
 * @param transport {@code outbox} (the default: files under {@code outbox}, shown to admins in the app) or {@code smtp}
 *                  (the server of {@code spring.mail.host}, {@code port}, {@code username}, {@code password})
 * @param from      the sender every mail names
 * @param outbox    where the outbox keeps its files, one folder per workspace
 */
@ConfigurationProperties("flightdeck.mail")
public record MailSettings(@DefaultValue("outbox") String transport,
        @DefaultValue("Flightdeck <notifications@flightdeck.local>") String from, Path outbox) {
}
