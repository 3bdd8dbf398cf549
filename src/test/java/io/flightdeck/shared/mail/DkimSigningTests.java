package io.flightdeck.shared.mail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DKIM signing checked by Apache James jDKIM, a verifier nobody here wrote, against a key record served the way DNS
 * would serve the TXT record: a campaign mail sent over real SMTP (GreenMail) verifies, its signature covers both
 * unsubscribe headers, and any change after signing breaks it; mail from another domain goes out unsigned; the outbox
 * file carries the signature; a key that cannot sign stops the start with a message naming the property.
 */
class DkimSigningTests {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String UNSUBSCRIBE = "<https://example.com/u/abc>, <mailto:u@example.com>";
    private static KeyPair keys;

    /** Now, to the second: jDKIM refuses a signature dated in the future, and t= is the mail's Date. */
    private final Clock clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    private final UUID workspace = UUID.randomUUID();

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void aCampaignMailSentOverSmtpVerifiesAndItsSignatureCoversBothUnsubscribeHeaders() throws Exception {
        try (SmtpTransport smtp = smtp("Acme News <news@example.com>", signing(pem(keys.getPrivate())))) {
            smtp.send(campaignMail("campaign-1"));
        }
        String raw = received();

        List<SignatureRecord> verified = verifier().verify(stream(raw));
        assertThat(verified).singleElement().satisfies(signature -> {
            assertThat(signature.getDToken()).hasToString("example.com");
            assertThat(signature.getSelector()).hasToString("fd2026");
            assertThat(signature.getHashKeyType() + "-" + signature.getHashMethod()).isEqualTo("rsa-sha256");
            assertThat(signature.getHeaderCanonicalisationMethod()).isEqualTo("relaxed");
            assertThat(signature.getBodyCanonicalisationMethod()).isEqualTo("relaxed");
            assertThat(signature.getHeaders()).map(h -> h.toString().toLowerCase()).contains("from", "to", "subject",
                    "date", "message-id", "mime-version", "content-type", "list-unsubscribe", "list-unsubscribe-post");
        });
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getMessageID()).as("the ledger's key survives signing").isEqualTo("<campaign-1@flightdeck>");
        assertThat(mail.getSubject()).isEqualTo("Nos nouvelles de novembre ✓");
        assertThat(mail.getHeader("List-Unsubscribe")).containsExactly(UNSUBSCRIBE);
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(signing(pem(keys.getPrivate())).publicKeyRecord()).as("the TXT record the start-up log tells to publish")
                .isEqualTo(txtRecord());
    }

    @Test
    void aMailChangedAfterSigningFailsVerification() throws Exception {
        try (SmtpTransport smtp = smtp("Acme News <news@example.com>", signing(pem(keys.getPrivate())))) {
            smtp.send(campaignMail("campaign-2"));
        }
        String raw = received();
        assertThat(verifier().verify(stream(raw))).hasSize(1);

        String otherSubject = raw.replaceFirst("(?m)^Subject:.*(\r\n[ \t].*)*", "Subject: You won a prize");
        String otherUnsubscribe = raw.replace("https://example.com/u/abc", "https://example.com/u/xyz");
        String otherPost = raw.replace("List-Unsubscribe=One-Click", "List-Unsubscribe=Two-Clicks");
        String otherBody = raw.replace("Plain words for November", "Plain words for December");
        for (String changed : List.of(otherSubject, otherUnsubscribe, otherPost, otherBody)) {
            assertThat(changed).isNotEqualTo(raw);
            assertThatThrownBy(() -> verifier().verify(stream(changed))).isInstanceOf(FailException.class);
        }
    }

    @Test
    void mailFromOutsideTheDomainGoesOutUnsigned() throws Exception {
        DkimSigning signing = signing(pem(keys.getPrivate()));
        try (SmtpTransport smtp = smtp("Flightdeck <notifications@flightdeck.local>", signing)) {
            smtp.send(campaignMail("notification-3"));
        }
        String raw = received();
        assertThat(raw).doesNotContainIgnoringCase("DKIM-Signature");
        assertThat(verifier().verify(stream(raw))).as("no signature to verify").isNull();

        assertThat(signing.signs("news@example.com")).isTrue();
        assertThat(signing.signs("Acme <News@Mail.Example.COM>")).as("a subdomain, in any case").isTrue();
        assertThat(signing.signs("news@notexample.com")).as("a name that only ends the same").isFalse();
        assertThat(signing.signs("news@example.com.evil.test")).isFalse();
        assertThat(DkimSigning.OFF.signs("news@example.com")).isFalse();
    }

    @Test
    void theOutboxFileCarriesTheSignatureAndSigningIsSafeOnSeveralThreads() throws Exception {
        Path keyFile = dir.resolve("dkim.der");
        Files.write(keyFile, keys.getPrivate().getEncoded()); // DER, the form the library's own documentation makes
        OutboxTransport outbox = new OutboxTransport(dir.resolve("outbox"), "Acme <news@mail.example.com>", clock,
                DkimSigning.of(settings("example.com", "fd2026", null, keyFile.toString())));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "campaign-" + i;
                sends.add(threads.submit(() -> outbox.send(campaignMail(key))));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } finally {
            threads.shutdown();
        }
        for (int i = 0; i < 20; i++) {
            byte[] file = Files.readAllBytes(outbox.file(workspace, "campaign-" + i));
            assertThat(new String(file, StandardCharsets.US_ASCII)).startsWith("DKIM-Signature: v=1; a=rsa-sha256;");
            assertThat(verifier().verify(new ByteArrayInputStream(file))).hasSize(1);
        }
        MailOutbox reader = new MailOutbox(dir.resolve("outbox"));
        TenantScope.run(workspace, () -> assertThat(reader.open("campaign-7").subject())
                .isEqualTo("Nos nouvelles de novembre ✓"));
    }

    @Test
    void aKeyThatCannotSignFailsTheConfigurationWithAClearMessage() throws Exception {
        String garbage = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> DkimSigning.of(settings("example.com", "fd2026", garbage, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("flightdeck.mail.dkim.private-key is not a usable DKIM key: it is not an RSA");
        String pkcs1 = pem(keys.getPrivate()).replace("PRIVATE KEY", "RSA PRIVATE KEY");
        assertThatThrownBy(() -> DkimSigning.of(settings("example.com", "fd2026", pkcs1, null)))
                .hasMessageContaining("PKCS#1").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        String ecKey = pem(ec.generateKeyPair().getPrivate());
        assertThatThrownBy(() -> DkimSigning.of(settings("example.com", "fd2026", ecKey, null)))
                .hasMessageContaining("not an RSA private key");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(512);
        String shortKey = pem(rsa.generateKeyPair().getPrivate());
        assertThatThrownBy(() -> DkimSigning.of(settings("example.com", "fd2026", shortKey, null)))
                .hasMessageContaining("it has 512 bits; DKIM needs at least 1024");
        assertThatThrownBy(() -> DkimSigning.of(settings("example.com", "fd2026", null, dir.resolve("none.pem").toString())))
                .hasMessageStartingWith("flightdeck.mail.dkim.private-key-file cannot be read");
        String good = pem(keys.getPrivate());
        assertThatThrownBy(() -> DkimSigning.of(settings("example.com", null, good, null)))
                .hasMessageContaining("half configured").hasMessageContaining("flightdeck.mail.dkim.selector");
        assertThatThrownBy(() -> DkimSigning.of(settings("localhost", "fd2026", good, null)))
                .hasMessageContaining("flightdeck.mail.dkim.domain is not a domain name");
        assertThat(DkimSigning.of(settings("", " ", "", ""))).as("all blank is off").isSameAs(DkimSigning.OFF);
    }

    @Test
    void aBadKeyStopsTheStartAndNoDkimPropertiesLeaveMailUnsigned() throws Exception {
        ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(MailConfiguration.class,
                        Settings.class)
                .withPropertyValues("flightdeck.mail.outbox=" + dir, "flightdeck.mail.from=Acme <news@example.com>");

        app.withPropertyValues("flightdeck.mail.dkim.domain=example.com", "flightdeck.mail.dkim.selector=fd2026",
                "flightdeck.mail.dkim.private-key=-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageStartingWith("flightdeck.mail.dkim.private-key is not a usable DKIM key");
                });

        // the empty values application.properties gives when no FLIGHTDECK_MAIL_DKIM_* variable is set
        app.withPropertyValues("flightdeck.mail.dkim.domain=", "flightdeck.mail.dkim.selector=",
                "flightdeck.mail.dkim.private-key=", "flightdeck.mail.dkim.private-key-file=").run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(MailTransport.class).send(campaignMail("campaign-9"));
                    String written = Files.readString(dir.resolve(workspace.toString()).resolve("campaign-9.eml"));
                    assertThat(written).doesNotContainIgnoringCase("DKIM-Signature").contains("List-Unsubscribe-Post");
                });
    }

    @Test
    void aHeaderOfTheMailsOwnCannotSmuggleInAnotherHeader() {
        assertThatThrownBy(() -> new OutgoingMail(workspace, "campaign-10", "ann@example.org", "Hi", "Text", null,
                Map.of("List-Unsubscribe", "<https://example.com/u/abc>\r\nBcc: someone@example.net")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("List-Unsubscribe");
        assertThatThrownBy(() -> new OutgoingMail(workspace, "campaign-10", "ann@example.org", "Hi", "Text", null,
                Map.of("Bad: name", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailSettings.class)
    static class Settings {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private OutgoingMail campaignMail(String key) {
        return new OutgoingMail(workspace, key, "ann@example.org", "Nos nouvelles de novembre ✓",
                "Plain words for November\r\nwith  two spaces and a tab\there.", "<p>Rich <b>words</b> for November</p>",
                Map.of("List-Unsubscribe", UNSUBSCRIBE, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    private SmtpTransport smtp(String from, DkimSigning signing) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(greenMail.getSmtp().getPort());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(properties);
        return new SmtpTransport(sender, from, clock, signing);
    }

    private static DkimSigning signing(String pem) {
        return DkimSigning.of(settings("example.com", "fd2026", pem, null));
    }

    private static MailSettings settings(String domain, String selector, String privateKey, String privateKeyFile) {
        return new MailSettings("outbox", "Acme News <news@example.com>", Path.of("unused"),
                new MailSettings.Dkim(domain, selector, privateKey, privateKeyFile));
    }

    /** The received message as the server stored it, Received header and all. */
    private static String received() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return GreenMailUtil.getWholeMessage(received[0]);
    }

    private static InputStream stream(String raw) {
        return new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** jDKIM with the key record DNS would serve for fd2026._domainkey.example.com, made from the generated key. */
    private static DKIMVerifier verifier() {
        return new DKIMVerifier((method, selector, domain) -> {
            if ("dns/txt".contentEquals(method) && "fd2026".contentEquals(selector) && "example.com".contentEquals(domain)) {
                return List.of(txtRecord());
            }
            throw new PermFailException("no key record for " + selector + "._domainkey." + domain);
        });
    }

    private static String txtRecord() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    private static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
