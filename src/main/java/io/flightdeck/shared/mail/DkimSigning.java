package io.flightdeck.shared.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DKIM signatures (RFC 6376) on outgoing mail, so that a receiver can tell the mail comes from the domain in its From
 * and was not changed on the way: rsa-sha256, relaxed/relaxed, over From, To, Subject, Date, Message-ID, MIME-Version,
 * the Content headers and, when the mail has them, List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 honours a
 * one-click unsubscribe only when the signature covers both). Off while {@code flightdeck.mail.dkim.*} is unset. A
 * configuration that cannot sign stops the start with a message naming the property, never the first mail.
 * <p>
 * Only mail whose From is the DKIM domain or one of its subdomains is signed: a signature by another domain says
 * nothing about the From and does not help DMARC. The transports sign the message as {@link MimeMail} built it, every
 * header set; signing happens while the message is written, so the signature covers exactly the bytes sent.
 */
final class DkimSigning {

    /** No DKIM: messages are sent exactly as built. */
    static final DkimSigning OFF = new DkimSigning(null, null, null);

    private static final Logger log = LoggerFactory.getLogger(DkimSigning.class);

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")+");
    private static final Pattern SELECTOR = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
    /** RFC 8301: signers must not use shorter RSA keys, and verifiers may treat such signatures as none. */
    private static final int MIN_BITS = 1024;
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final String TO_PKCS8 = "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out dkim.pem";

    private final String domain;
    private final String selector;
    private final RSAPrivateKey key;

    private DkimSigning(String domain, String selector, RSAPrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
    }

    /**
     * The signing {@code flightdeck.mail.dkim.*} describes, or {@link #OFF} when none of it is set. Throws
     * {@link IllegalStateException} naming the property when the configuration is incomplete or the key cannot sign.
     */
    static DkimSigning of(MailSettings settings) {
        MailSettings.Dkim dkim = settings.dkim();
        if (dkim == null || (blank(dkim.domain()) && blank(dkim.selector()) && blank(dkim.privateKey())
                && blank(dkim.privateKeyFile()))) {
            return OFF;
        }
        List<String> missing = new ArrayList<>();
        if (blank(dkim.domain())) {
            missing.add("flightdeck.mail.dkim.domain");
        }
        if (blank(dkim.selector())) {
            missing.add("flightdeck.mail.dkim.selector");
        }
        if (blank(dkim.privateKey()) && blank(dkim.privateKeyFile())) {
            missing.add("flightdeck.mail.dkim.private-key (or private-key-file)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("DKIM signing is half configured: set " + String.join(", ", missing)
                    + ", or none of flightdeck.mail.dkim.* (see docs/configuration.md)");
        }
        if (!blank(dkim.privateKey()) && !blank(dkim.privateKeyFile())) {
            throw new IllegalStateException(
                    "Set flightdeck.mail.dkim.private-key or flightdeck.mail.dkim.private-key-file, not both");
        }
        String domain = dkim.domain().trim().toLowerCase(Locale.ROOT);
        String selector = dkim.selector().trim().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalStateException("flightdeck.mail.dkim.domain is not a domain name: " + dkim.domain());
        }
        if (!SELECTOR.matcher(selector).matches()) {
            throw new IllegalStateException("flightdeck.mail.dkim.selector is not a DNS label: " + dkim.selector());
        }
        RSAPrivateKey key = blank(dkim.privateKey())
                ? key(read(Path.of(dkim.privateKeyFile().trim())), "flightdeck.mail.dkim.private-key-file ("
                        + dkim.privateKeyFile().trim() + ")", true)
                : key(dkim.privateKey().getBytes(StandardCharsets.US_ASCII), "flightdeck.mail.dkim.private-key", false);
        DkimSigning signing = new DkimSigning(domain, selector, key);
        try {
            signing.signer(); // the library's own checks of the domain and the key, now rather than per message
        } catch (DkimException e) {
            throw new IllegalStateException("DKIM signing cannot start: " + e.getMessage(), e);
        }
        log.info("DKIM signs mail from {} and its subdomains with selector {}; publish the TXT record {}._domainkey.{}"
                + " as: {}", domain, selector, selector, domain, signing.publicKeyRecord());
        if (!signing.signs(settings.from())) {
            log.warn("flightdeck.mail.from ({}) is not of the DKIM domain {}: notification mail goes out unsigned",
                    settings.from(), domain);
        }
        return signing;
    }

    /**
     * The message signed when DKIM is on and its From is of the domain; otherwise the message itself. The signature is
     * computed when the returned message is written (sent or saved), over the headers and body as they are then.
     */
    MimeMessage sign(MimeMessage message) throws MessagingException {
        if (key == null || !fromDomain(message.getFrom())) {
            return message;
        }
        return new DkimMessage(message, signer());
    }

    /** Whether mail from this address (a From header's value, with or without a name) would be signed. */
    boolean signs(String from) {
        try {
            return key != null && fromDomain(InternetAddress.parseHeader(from, false));
        } catch (AddressException e) {
            return false;
        }
    }

    /** The TXT record of {@code <selector>._domainkey.<domain>} that lets receivers check the signatures. */
    String publicKeyRecord() {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            return "(the public key of the configured private key)";
        }
        try {
            byte[] publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())).getEncoded();
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey);
        } catch (GeneralSecurityException e) {
            return "(the public key of the configured private key)";
        }
    }

    /**
     * A signer per message: the library's keeps one Signature and one MessageDigest and is not safe for the several
     * threads that send mail; a new one costs a small fraction of the RSA signature itself.
     */
    private DkimSigner signer() {
        DkimSigner signer = new DkimSigner(domain, selector, key);
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        // its default list already holds From, To, Subject, Date, Message-ID, MIME-Version, Content-Type and
        // List-Unsubscribe, each signed when present; RFC 8058 needs List-Unsubscribe-Post signed as well
        signer.addHeaderToSign("List-Unsubscribe-Post");
        // the library would look the TXT record up in DNS before every signature: a network call per mail, and
        // none at all on an offline installation; publishing the record is the operator's part
        signer.setCheckDomainKey(false);
        return signer;
    }

    private boolean fromDomain(Address[] from) {
        if (from == null || from.length == 0) {
            return false;
        }
        for (Address address : from) {
            String mailbox = address instanceof InternetAddress internet ? internet.getAddress() : null;
            int at = mailbox == null ? -1 : mailbox.lastIndexOf('@');
            String host = at < 0 ? "" : mailbox.substring(at + 1).toLowerCase(Locale.ROOT);
            if (!host.equals(domain) && !host.endsWith("." + domain)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("flightdeck.mail.dkim.private-key-file cannot be read: " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The RSA key in PEM PKCS#8 (a file may also hold DER), tried with one signature so a bad one stops the start. */
    private static RSAPrivateKey key(byte[] content, String source, boolean derAllowed) {
        String text = new String(content, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN ");
        String pem = begin < 0 ? "" : text.substring(begin); // openssl may put attribute lines before the block
        byte[] der;
        if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) {
            throw badKey(source, "it is PKCS#1 (BEGIN RSA PRIVATE KEY), not PKCS#8; " + TO_PKCS8);
        } else if (pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw badKey(source, "it is encrypted; the key must be readable without a password: " + TO_PKCS8);
        } else if (pem.startsWith(PEM_BEGIN) && pem.contains(PEM_END)) {
            try {
                der = Base64.getMimeDecoder().decode(pem.substring(PEM_BEGIN.length(), pem.indexOf(PEM_END)));
            } catch (IllegalArgumentException e) {
                throw badKey(source, "its Base64 is broken (" + e.getMessage() + ")");
            }
        } else if (derAllowed && begin < 0) {
            der = content;
        } else {
            throw badKey(source, "it is not a PEM block from " + PEM_BEGIN + " to " + PEM_END);
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw badKey(source, "it is not an RSA private key in PKCS#8 (" + e.getMessage() + ")");
        }
        RSAPrivateKey rsa = (RSAPrivateKey) key;
        if (rsa.getModulus().bitLength() < MIN_BITS) {
            throw badKey(source, "it has " + rsa.getModulus().bitLength() + " bits; DKIM needs at least " + MIN_BITS
                    + " (2048 recommended)");
        }
        try {
            Signature trial = Signature.getInstance("SHA256withRSA");
            trial.initSign(rsa);
            trial.update(source.getBytes(StandardCharsets.US_ASCII));
            trial.sign();
        } catch (GeneralSecurityException e) {
            throw badKey(source, "it cannot sign with rsa-sha256 (" + e.getMessage() + ")");
        }
        return rsa;
    }

    private static IllegalStateException badKey(String source, String reason) {
        return new IllegalStateException(source + " is not a usable DKIM key: " + reason);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
