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
 * @param dkim      DKIM signing ({@link DkimSigning}); off while none of its properties is set
 */
@ConfigurationProperties("flightdeck.mail")
public record MailSettings(@DefaultValue("outbox") String transport,
        @DefaultValue("Flightdeck <notifications@flightdeck.local>") String from, Path outbox, Dkim dkim) {

    /**
     * {@code flightdeck.mail.dkim.*}: all blank (or absent) is off; otherwise domain, selector and one of the two key
     * properties are needed.
     *
     * @param domain         the signing domain (the signature's d= tag): mail from it or a subdomain is signed
     * @param selector       the selector (s= tag): the public key is the TXT record {@code <selector>._domainkey.<domain>}
     * @param privateKey     the RSA private key as PEM PKCS#8 ({@code -----BEGIN PRIVATE KEY-----})
     * @param privateKeyFile or a file holding it, PEM or DER PKCS#8 (a String: an empty value means no file)
     */
    public record Dkim(String domain, String selector, String privateKey, String privateKeyFile) {
    }
}
