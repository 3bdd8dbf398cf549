package io.flightdeck.email.sending;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What an email's readiness checks of the sending domain ({@code flightdeck.email.readiness.*}).
 *
 * @param senderDns {@code auto} (the default): SPF, DKIM and DMARC are looked up when mail really leaves (a transport
 *                  other than the outbox), and not for the outbox, whose mail never reaches an inbox, so a laptop
 *                  install works offline; {@code on} always; {@code off} never
 * @param dnsCache  how long an answer is kept before it is asked again (a readiness page is opened often)
 * @param dkimSelector the DKIM selector a mail relay signs with, when Flightdeck does not sign mail from the sending
 *                  domain itself ({@code flightdeck.mail.dkim.*}); empty for none
 */
@ConfigurationProperties("flightdeck.email.readiness")
record ReadinessProperties(String senderDns, Duration dnsCache, String dkimSelector) {

    ReadinessProperties {
        senderDns = senderDns == null || senderDns.isBlank() ? "auto" : senderDns.strip().toLowerCase();
        if (!senderDns.equals("auto") && !senderDns.equals("on") && !senderDns.equals("off")) {
            throw new IllegalArgumentException("flightdeck.email.readiness.sender-dns must be auto, on or off, not "
                    + senderDns);
        }
        dnsCache = dnsCache == null ? Duration.ofMinutes(5) : dnsCache;
        dkimSelector = dkimSelector == null ? "" : dkimSelector.strip();
    }
}
