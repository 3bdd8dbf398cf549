package io.flightdeck.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;

/**
 * How many copies of each mail arrived, by its ledger key (the Message-ID's local part, or the outbox file's name), for
 * the crash tests that prove a mail is neither lost nor doubled.
 */
public final class MailCopies {

    private MailCopies() {
    }

    /** From the SMTP server's inbox ({@code transport} "smtp") or the outbox's files under {@code data}. */
    public static Map<String, Integer> received(GreenMail smtp, String transport, Path data) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        if (transport.equals("smtp")) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                String id = message.getMessageID();
                copies.merge(id.substring(1, id.indexOf('@')), 1, Integer::sum);
            }
        } else if (Files.exists(data.resolve("mail-outbox"))) {
            try (var files = Files.walk(data.resolve("mail-outbox"))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml"))
                        .forEach(n -> copies.merge(n.substring(0, n.length() - 4), 1, Integer::sum));
            }
        }
        return copies;
    }

    /** Only the mails whose key starts with {@code prefix}. */
    public static Map<String, Integer> received(GreenMail smtp, String transport, Path data, String prefix)
            throws Exception {
        Map<String, Integer> copies = new HashMap<>(received(smtp, transport, data));
        copies.keySet().removeIf(key -> !key.startsWith(prefix));
        return copies;
    }
}
