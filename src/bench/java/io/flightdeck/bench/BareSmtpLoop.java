package io.flightdeck.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

/**
 * The email benchmark's floor (perf/email-bench.sh): a bare Jakarta Mail loop that sends the same messages to the same
 * sink, signed with the same DKIM library, key and settings, over the same number of connections, with nothing else:
 * no database, no ledger, no rendering. Its content is a message Flightdeck sent earlier in the run (the sink keeps
 * the first one it counts): the same subject, text and HTML parts and headers, for every recipient, with only To,
 * Date and Message-ID changed, and each message built and signed afresh as Flightdeck does. Each thread keeps one
 * connection open and one DKIM signer (the library's signer is not thread-safe).
 *
 * Arguments: sampleFile smtpPort people threads dkimKeyFile dkimDomain dkimSelector
 */
public final class BareSmtpLoop {

    private BareSmtpLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path sampleFile = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int people = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        RSAPrivateKey key = key(Path.of(args[4]));
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(props);
        MimeMessage sample;
        try (InputStream in = Files.newInputStream(sampleFile)) {
            sample = new MimeMessage(session, in);
        }
        Multipart parts = (Multipart) sample.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        BodyPart htmlPart = parts.getBodyPart(1);
        String html = (String) htmlPart.getContent();
        List<String[]> headers = new ArrayList<>();
        for (String name : List.of("From", "List-Unsubscribe", "List-Unsubscribe-Post", "X-Flightdeck-Workspace")) {
            String value = sample.getHeader(name, null);
            if (value != null) {
                headers.add(new String[] {name, value});
            }
        }
        String subject = sample.getSubject();
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger sent = new AtomicInteger();
        EmailSendLoad.log(String.format("bare loop: %d messages like the sample (%d bytes as received), %d threads, "
                + "one connection each, DKIM %s", people, Files.size(sampleFile), threads, args[5]));
        Instant t0 = Instant.now();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                DkimSigner signer = signer(args[5], args[6], key);
                try (Transport transport = new EndOfDataTimed(session)) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i <= people; i = next.getAndIncrement()) {
                        MimeMessage message = new KeyedMessage(session, UUID.randomUUID().toString());
                        for (String[] header : headers) {
                            message.setHeader(header[0], header[1]);
                        }
                        message.setRecipient(Message.RecipientType.TO,
                                new InternetAddress("p" + i + "@" + EmailSendLoad.DOMAIN, true));
                        message.setSubject(subject, "UTF-8");
                        message.setSentDate(new Date());
                        MimeBodyPart textPart = new MimeBodyPart();
                        textPart.setText(text, "UTF-8");
                        MimeBodyPart htmlBody = new MimeBodyPart();
                        htmlBody.setText(html, "UTF-8", "html");
                        message.setContent(new MimeMultipart("alternative", textPart, htmlBody));
                        message.saveChanges();
                        MimeMessage signed = new DkimMessage(message, signer);
                        transport.sendMessage(signed, signed.getAllRecipients());
                        sent.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("the bare loop failed after " + sent.get() + " messages", e);
                }
            }, "bare-sender-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = EmailSendLoad.seconds(t0, Instant.now());
        EmailSendLoad.log(String.format("bare loop: %d messages sent in %.2f s = %.0f/s (first to last, as the loop "
                + "saw it)", sent.get(), seconds, sent.get() / seconds));
        EmailSendLoad.log(String.format(java.util.Locale.ROOT, "bare loop: end of data to answer mean %.2f ms over %d",
                EndOfDataTimed.NANOS.sum() / 1e6 / EndOfDataTimed.COUNT.sum(), EndOfDataTimed.COUNT.sum()));
        System.exit(sent.get() == people ? 0 : 1);
    }

    /**
     * Jakarta Mail's SMTP transport timing the line that ends the data and the server's answer to it: the floor of
     * the window Flightdeck's hand-over leaves in doubt (HandOverTimes' commit to answer).
     */
    private static final class EndOfDataTimed extends org.eclipse.angus.mail.smtp.SMTPTransport {

        static final java.util.concurrent.atomic.LongAdder NANOS = new java.util.concurrent.atomic.LongAdder();
        static final java.util.concurrent.atomic.LongAdder COUNT = new java.util.concurrent.atomic.LongAdder();

        EndOfDataTimed(Session session) {
            super(session, new jakarta.mail.URLName("smtp", session.getProperty("mail.smtp.host"),
                    Integer.parseInt(session.getProperty("mail.smtp.port")), null, null, null));
        }

        @Override
        protected void finishData() throws java.io.IOException, jakarta.mail.MessagingException {
            long start = System.nanoTime();
            super.finishData();
            NANOS.add(System.nanoTime() - start);
            COUNT.increment();
        }
    }

    private static DkimSigner signer(String domain, String selector, RSAPrivateKey key) {
        DkimSigner signer = new DkimSigner(domain, selector, key);
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.addHeaderToSign("List-Unsubscribe-Post");
        signer.setCheckDomainKey(false);
        return signer;
    }

    private static RSAPrivateKey key(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String base64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
                text.indexOf("-----END PRIVATE KEY-----"));
        return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
    }

    /** A fixed Message-ID, as Flightdeck's messages have (Jakarta Mail would make one up on every save). */
    private static final class KeyedMessage extends MimeMessage {

        private final String messageId;

        KeyedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
