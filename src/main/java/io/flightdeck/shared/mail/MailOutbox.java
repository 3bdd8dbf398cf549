package io.flightdeck.shared.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * The outbox as an admin reads it: the current workspace's mail, newest first, each one opened from its file. Only
 * the outbox transport fills it; with SMTP it keeps what was written before the switch.
 */
public final class MailOutbox {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9.-]{1,100}");

    /** One mail as the list shows it. */
    public record Entry(String key, String to, String subject, Instant sentAt, long size) {
    }

    /** One mail opened: its headers, its text part and its HTML part (either may be missing). */
    public record Opened(String key, String messageId, String from, String to, String subject, Instant sentAt,
            String text, String html) {
    }

    private final Path root;
    private final Session session = Session.getInstance(new Properties());

    MailOutbox(Path root) {
        this.root = root;
    }

    /** A page of the current workspace's mail, newest first; only the page's files are opened. */
    public Page<Entry> list(Pageable pageable) {
        Path folder = folder();
        record Written(Path file, Instant at) {
        }
        List<Written> written = new ArrayList<>();
        try (DirectoryStream<Path> eml = Files.newDirectoryStream(folder, "*.eml")) {
            eml.forEach(file -> written.add(new Written(file, modified(file)))); // one stat per file, not per comparison
        } catch (NoSuchFileException nothingYet) {
            return Page.empty(pageable);
        } catch (IOException e) {
            throw new IllegalStateException("Could not list the mail outbox " + folder, e);
        }
        written.sort(Comparator.comparing(Written::at).reversed().thenComparing(w -> w.file().getFileName()));
        List<Path> files = written.stream().map(Written::file).toList();
        int from = (int) Math.min(pageable.getOffset(), files.size());
        int to = Math.min(from + pageable.getPageSize(), files.size());
        List<Entry> entries = new ArrayList<>();
        for (Path file : files.subList(from, to)) {
            Opened mail = read(file);
            entries.add(new Entry(mail.key(), mail.to(), mail.subject(), mail.sentAt(), size(file)));
        }
        return new PageImpl<>(entries, pageable, files.size());
    }

    /** One mail of the current workspace; 404 for a key it does not have (or one that is not a key at all). */
    public Opened open(String key) {
        return read(file(key));
    }

    /** The mail's file as sent, for a download: a {@code .eml} any mail program opens. */
    public Path raw(String key) {
        return file(key);
    }

    private Path file(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new NotFoundException("The mail");
        }
        Path file = folder().resolve(key + ".eml");
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("The mail");
        }
        return file;
    }

    private Path folder() {
        UUID workspaceId = TenantScope.require();
        return root.resolve(workspaceId.toString());
    }

    private Opened read(Path file) {
        String name = file.getFileName().toString();
        String key = name.substring(0, name.length() - ".eml".length());
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(session, in);
            String[] parts = new String[2];
            collect(message, parts);
            return new Opened(key, message.getMessageID(), address(message.getHeader("From", ", ")),
                    address(message.getHeader("To", ", ")), Optional.ofNullable(message.getSubject()).orElse(""),
                    message.getSentDate() == null ? modified(file) : message.getSentDate().toInstant(), parts[0], parts[1]);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Could not read the outbox file " + file, e);
        }
    }

    /** The first text/plain and text/html parts, however deep the multiparts nest. */
    private static void collect(Part part, String[] found) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && found[0] == null) {
            found[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && found[1] == null) {
            found[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, found);
            }
        }
    }

    private static String address(String header) {
        if (header == null) {
            return "";
        }
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(header);
        } catch (java.io.UnsupportedEncodingException e) {
            return header;
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
