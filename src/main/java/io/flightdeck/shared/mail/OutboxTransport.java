package io.flightdeck.shared.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * The default transport: each mail becomes {@code <outbox>/<workspace>/<key>.eml}, a file any mail program opens and
 * an admin reads in the app ({@link MailOutbox}). Written to a temporary name and moved into place, so a file that is
 * there is whole, and its presence answers {@link #sent}: after a crash nothing is written twice.
 */
final class OutboxTransport implements MailTransport {

    private final Path root;
    private final String from;
    private final Clock clock;
    private final DkimSigning dkim;
    private final Session session = Session.getInstance(new Properties());

    OutboxTransport(Path root, String from, Clock clock, DkimSigning dkim) {
        this.root = root;
        this.from = from;
        this.clock = clock;
        this.dkim = dkim;
    }

    @Override
    public void send(OutgoingMail mail, Runnable handOver) {
        Path target = file(mail.workspaceId(), mail.key());
        try {
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(mail.key() + ".eml.part");
            try (OutputStream out = Files.newOutputStream(part)) {
                dkim.sign(MimeMail.of(session, mail, from, clock)).writeTo(out);
            }
            handOver.run();
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | MessagingException e) {
            throw new MailFailure("The outbox could not write the message: " + e.getMessage(), false, e);
        }
    }

    @Override
    public Optional<Boolean> sent(UUID workspaceId, String key) {
        return Optional.of(Files.exists(file(workspaceId, key)));
    }

    @Override
    public String name() {
        return "outbox";
    }

    Path file(UUID workspaceId, String key) {
        return root.resolve(workspaceId.toString()).resolve(key + ".eml");
    }
}
